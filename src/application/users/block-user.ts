import * as E from 'fp-ts/lib/Either.js';
import { notFound, validation } from '../../domain/errors.js';
import type { BlockRepository } from '../../ports/block-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { AccessClaims } from '../../ports/token-service.js';
import type { UserRepository } from '../../ports/user-repository.js';
import { IdString } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';

export interface BlockState {
  readonly userId: string;
  readonly blocked: boolean;
}

/**
 * A user blocks another: the blocked user can no longer send to them in
 * their direct conversation nor start one, and neither sees the other's
 * presence or typing. Both directions of the call are idempotent.
 */
export class BlockUser {
  constructor(private readonly deps: { blocks: BlockRepository; users: UserRepository; clock: Clock }) {}

  async block(caller: AccessClaims, rawUserId: unknown): Result<BlockState> {
    const userId = await this.target(caller, rawUserId);
    if (E.isLeft(userId)) return userId;
    await this.deps.blocks.block(caller.userId, userId.right, this.deps.clock.now());
    return ok({ userId: userId.right, blocked: true });
  }

  async unblock(caller: AccessClaims, rawUserId: unknown): Result<BlockState> {
    const userId = decodeInput(IdString, rawUserId);
    if (E.isLeft(userId)) return userId;
    await this.deps.blocks.unblock(caller.userId, userId.right);
    return ok({ userId: userId.right, blocked: false });
  }

  private async target(
    caller: AccessClaims,
    rawUserId: unknown,
  ): Promise<E.Either<ReturnType<typeof notFound>, string>> {
    const userId = decodeInput(IdString, rawUserId);
    if (E.isLeft(userId)) return userId;
    if (userId.right === caller.userId) {
      return fail(validation('You cannot block yourself', [{ field: 'userId', message: 'must be another user' }]));
    }
    if (!(await this.deps.users.findById(userId.right))) return fail(notFound('User not found'));
    return ok(userId.right);
  }
}
