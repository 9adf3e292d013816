import type { User } from '../../domain/user.js';
import type { Clock } from '../../ports/clock.js';
import type { UserRepository } from '../../ports/user-repository.js';

export interface RecentUsersOptions {
  /** How old a copy may be: a send needs both users' names and states, not their very latest. */
  readonly maxAgeMs: number;
  /** How many users a process keeps; the oldest read go first. */
  readonly maxUsers: number;
}

/**
 * Users as read from the repository at most `maxAgeMs` ago, so a run of
 * sends between the same people reads each of them once. Only found users
 * are kept: someone who registers is found at once.
 */
export class RecentUsers {
  private readonly copies = new Map<string, { user: User; readAt: number }>();

  constructor(
    private readonly deps: { users: UserRepository; clock: Clock },
    private readonly options: RecentUsersOptions = { maxAgeMs: 5_000, maxUsers: 20_000 },
  ) {}

  async findById(id: string): Promise<User | null> {
    const now = this.deps.clock.now().getTime();
    const copy = this.copies.get(id);
    if (copy && now - copy.readAt < this.options.maxAgeMs) return copy.user;
    const user = await this.deps.users.findById(id);
    this.copies.delete(id);
    if (user) this.keep(id, { user, readAt: now });
    return user;
  }

  private keep(id: string, copy: { user: User; readAt: number }): void {
    this.copies.set(id, copy);
    if (this.copies.size <= this.options.maxUsers) return;
    const oldest = this.copies.keys().next().value;
    if (oldest !== undefined) this.copies.delete(oldest);
  }
}
