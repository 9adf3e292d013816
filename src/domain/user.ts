export interface User {
  readonly id: string;
  readonly username: string;
  /** Lower-cased copy of `username`: the key of case-insensitive uniqueness. */
  readonly usernameLower: string;
  /** Stored lower-case. */
  readonly email: string;
  readonly passwordHash: string;
  readonly isActive: boolean;
  readonly lastSeen: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What the owner of an account sees of it. */
export interface SelfView {
  readonly id: string;
  readonly username: string;
  readonly email: string;
  readonly isOnline: boolean;
  readonly lastSeen: string | null;
  readonly createdAt: string;
}

/** What other users see: never the e-mail address. */
export interface PublicUserView {
  readonly id: string;
  readonly username: string;
  readonly isOnline: boolean;
  readonly lastSeen: string | null;
}

export const selfView = (user: User, isOnline: boolean): SelfView => ({
  id: user.id,
  username: user.username,
  email: user.email,
  isOnline,
  lastSeen: user.lastSeen?.toISOString() ?? null,
  createdAt: user.createdAt.toISOString(),
});

export const publicUserView = (user: User, isOnline: boolean): PublicUserView => ({
  id: user.id,
  username: user.username,
  isOnline,
  lastSeen: user.lastSeen?.toISOString() ?? null,
});

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
export const normaliseUsername = (username: string): string => username.toLowerCase();
