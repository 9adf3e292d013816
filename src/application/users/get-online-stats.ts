import type { Clock } from '../../ports/clock.js';
import type { PresenceStore } from '../../ports/presence-store.js';
import type { UserRepository } from '../../ports/user-repository.js';
import { ok, type Result } from '../shared/result.js';

export interface OnlineStats {
  readonly onlineCount: number;
  readonly totalUsers: number;
  /** 0-100, two decimals. */
  readonly onlinePercentage: number;
}

export class GetOnlineStats {
  constructor(private readonly deps: { users: UserRepository; presence: PresenceStore; clock: Clock }) {}

  async execute(): Result<OnlineStats> {
    const [onlineCount, totalUsers] = await Promise.all([
      this.deps.presence.countOnline(this.deps.clock.now()),
      this.deps.users.count(),
    ]);
    const onlinePercentage = totalUsers === 0 ? 0 : Math.round((onlineCount / totalUsers) * 10_000) / 100;
    return ok({ onlineCount, totalUsers, onlinePercentage });
  }
}
