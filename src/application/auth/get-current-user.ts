import { notFound } from '../../domain/errors.js';
import { selfView, type SelfView } from '../../domain/user.js';
import type { Clock } from '../../ports/clock.js';
import type { PresenceStore } from '../../ports/presence-store.js';
import type { AccessClaims } from '../../ports/token-service.js';
import type { UserRepository } from '../../ports/user-repository.js';
import { fail, ok, type Result } from '../shared/result.js';

export class GetCurrentUser {
  constructor(private readonly deps: { users: UserRepository; presence: PresenceStore; clock: Clock }) {}

  async execute(caller: AccessClaims): Result<{ user: SelfView }> {
    const user = await this.deps.users.findById(caller.userId);
    if (!user) return fail(notFound('User not found'));
    return ok({ user: selfView(user, await this.deps.presence.isOnline(user.id, this.deps.clock.now())) });
  }
}
