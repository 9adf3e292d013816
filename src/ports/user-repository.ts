import type { User } from '../domain/user.js';

/** A unique key taken by another row. */
export interface DuplicateKey {
  readonly duplicate: 'email' | 'username';
}

export interface UserListQuery {
  /** 1-based. */
  readonly page: number;
  readonly limit: number;
  /** Case-insensitive substring of the username, taken literally. */
  readonly search?: string;
}

export interface UserPatch {
  readonly username?: string;
  readonly email?: string;
}

export interface UserRepository {
  /** Inserts; reports which unique key (lower-cased e-mail, lower-cased username) is taken. */
  insert(user: User): Promise<User | DuplicateKey>;
  findById(id: string): Promise<User | null>;
  findByIds(ids: readonly string[]): Promise<User[]>;
  /** `email` is compared lower-cased. */
  findByEmail(email: string): Promise<User | null>;
  /** Sorted by username (case-insensitive), then id. */
  list(query: UserListQuery): Promise<{ users: User[]; total: number }>;
  count(): Promise<number>;
  /** Ids of users who can take part in automated messages. */
  listActiveIds(): Promise<string[]>;
  /** Null when the user does not exist. */
  update(id: string, patch: UserPatch, now: Date): Promise<User | DuplicateKey | null>;
  setLastSeen(id: string, at: Date): Promise<void>;
}

export const isDuplicateKey = (value: unknown): value is DuplicateKey =>
  typeof value === 'object' && value !== null && 'duplicate' in value;
