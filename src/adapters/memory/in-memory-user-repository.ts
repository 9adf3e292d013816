import { normaliseEmail, normaliseUsername, type User } from '../../domain/user.js';
import type { DuplicateKey, UserListQuery, UserPatch, UserRepository } from '../../ports/user-repository.js';

const copy = (user: User): User => ({
  ...user,
  lastSeen: user.lastSeen && new Date(user.lastSeen),
  createdAt: new Date(user.createdAt),
  updatedAt: new Date(user.updatedAt),
});

const byUsernameThenId = (a: User, b: User): number =>
  a.usernameLower < b.usernameLower
    ? -1
    : a.usernameLower > b.usernameLower
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

/** Unique lower-cased e-mail and username, like the Mongo indexes. */
export class InMemoryUserRepository implements UserRepository {
  private readonly users = new Map<string, User>();
  private readonly idByEmail = new Map<string, string>();
  private readonly idByUsername = new Map<string, string>();

  async insert(user: User): Promise<User | DuplicateKey> {
    const stored = copy({
      ...user,
      email: normaliseEmail(user.email),
      usernameLower: normaliseUsername(user.username),
    });
    if (this.users.has(stored.id)) throw new Error(`user ${stored.id} already exists`);
    const duplicate = this.duplicateOf(stored.email, stored.usernameLower, null);
    if (duplicate) return duplicate;
    this.store(stored);
    return copy(stored);
  }

  async findById(id: string): Promise<User | null> {
    const user = this.users.get(id);
    return user ? copy(user) : null;
  }

  async findByIds(ids: readonly string[]): Promise<User[]> {
    return [...new Set(ids)].flatMap((id) => {
      const user = this.users.get(id);
      return user ? [copy(user)] : [];
    });
  }

  async findByEmail(email: string): Promise<User | null> {
    const id = this.idByEmail.get(normaliseEmail(email));
    return id === undefined ? null : this.findById(id);
  }

  async list(query: UserListQuery): Promise<{ users: User[]; total: number }> {
    const needle = query.search ? normaliseUsername(query.search) : '';
    const matching = [...this.users.values()].filter((user) => user.usernameLower.includes(needle));
    matching.sort(byUsernameThenId);
    const start = (query.page - 1) * query.limit;
    return { users: matching.slice(start, start + query.limit).map(copy), total: matching.length };
  }

  async count(): Promise<number> {
    return this.users.size;
  }

  async listActiveIds(): Promise<string[]> {
    return [...this.users.values()].filter((user) => user.isActive).map((user) => user.id);
  }

  async update(id: string, patch: UserPatch, now: Date): Promise<User | DuplicateKey | null> {
    const current = this.users.get(id);
    if (!current) return null;
    const email = patch.email === undefined ? current.email : normaliseEmail(patch.email);
    const username = patch.username ?? current.username;
    const next = copy({ ...current, username, usernameLower: normaliseUsername(username), email, updatedAt: now });
    const duplicate = this.duplicateOf(next.email, next.usernameLower, id);
    if (duplicate) return duplicate;
    this.idByEmail.delete(current.email);
    this.idByUsername.delete(current.usernameLower);
    this.store(next);
    return copy(next);
  }

  async setLastSeen(id: string, at: Date): Promise<void> {
    const current = this.users.get(id);
    if (current) this.users.set(id, { ...current, lastSeen: new Date(at) });
  }

  private duplicateOf(email: string, usernameLower: string, self: string | null): DuplicateKey | null {
    const emailOwner = this.idByEmail.get(email);
    if (emailOwner !== undefined && emailOwner !== self) return { duplicate: 'email' };
    const usernameOwner = this.idByUsername.get(usernameLower);
    if (usernameOwner !== undefined && usernameOwner !== self) return { duplicate: 'username' };
    return null;
  }

  private store(user: User): void {
    this.users.set(user.id, user);
    this.idByEmail.set(user.email, user.id);
    this.idByUsername.set(user.usernameLower, user.id);
  }
}
