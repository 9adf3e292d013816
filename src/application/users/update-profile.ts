import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { conflict, notFound, validation } from '../../domain/errors.js';
import { selfView, type SelfView } from '../../domain/user.js';
import type { Clock } from '../../ports/clock.js';
import type { PresenceStore } from '../../ports/presence-store.js';
import type { SessionRepository } from '../../ports/session-repository.js';
import type { SessionRevocations } from '../../ports/session-revocations.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { isDuplicateKey, type UserRepository } from '../../ports/user-repository.js';
import { Email, Username } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';

export const UpdateProfileInput = t.exact(t.partial({ username: Username, email: Email }));

/** Changes the caller's name or e-mail; an e-mail change (a credential) ends the user's other sessions. */
export class UpdateProfile {
  constructor(
    private readonly deps: {
      users: UserRepository;
      presence: PresenceStore;
      sessions: SessionRepository;
      revocations: SessionRevocations;
      clock: Clock;
    },
  ) {}

  async execute(caller: AccessClaims, raw: unknown): Result<{ user: SelfView }> {
    const input = decodeInput(UpdateProfileInput, raw);
    if (E.isLeft(input)) return input;
    const patch = input.right;
    if (patch.username === undefined && patch.email === undefined) {
      return fail(validation('Nothing to update', [{ field: 'body', message: 'give username or email' }]));
    }
    const now = this.deps.clock.now();
    const updated = await this.deps.users.update(caller.userId, patch, now);
    if (updated === null) return fail(notFound('User not found'));
    if (isDuplicateKey(updated)) {
      return fail(
        conflict(`That ${updated.duplicate} is already taken`, [
          { field: updated.duplicate, message: 'is already taken' },
        ]),
      );
    }
    if (patch.email !== undefined) {
      const ended = await this.deps.sessions.revokeAllForUser(caller.userId, now, caller.sessionId);
      await this.deps.revocations.end(ended, 'credentials_changed');
    }
    return ok({ user: selfView(updated, await this.deps.presence.isOnline(updated.id, now)) });
  }
}
