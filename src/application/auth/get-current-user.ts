import { notFound } from '../../domain/errors.js';
import { selfView, type SelfView } from '../../domain/user.js';
import type { BlockRepository } from '../../ports/block-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { PresenceStore } from '../../ports/presence-store.js';
import type { AccessClaims } from '../../ports/token-service.js';
import type { UserRepository } from '../../ports/user-repository.js';
import { fail, ok, type Result } from '../shared/result.js';

export class GetCurrentUser {
  constructor(
    private readonly deps: { users: UserRepository; presence: PresenceStore; blocks: BlockRepository; clock: Clock },
  ) {}

  /** `blockedUserIds`: whom the caller blocks, so clients can hide their messages in groups. */
  async execute(caller: AccessClaims): Result<{ user: SelfView; blockedUserIds: string[] }> {
    const [user, online, blockedUserIds] = await Promise.all([
      this.deps.users.findById(caller.userId),
      this.deps.presence.isOnline(caller.userId, this.deps.clock.now()),
      this.deps.blocks.blockedBy(caller.userId),
    ]);
    if (!user) return fail(notFound('User not found'));
    return ok({ user: selfView(user, online), blockedUserIds });
  }
}
