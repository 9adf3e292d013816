import type { RefreshSession } from '../domain/session.js';

export interface SessionRepository {
  /**
   * Stores the session. One whose token hash is stored already is left as it
   * is: a retried rotation stores its (same) successor once.
   */
  insert(session: RefreshSession): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<RefreshSession | null>;
  /**
   * Atomically marks a live (not rotated, not revoked, not expired at `now`)
   * token as rotated. Returns the session as it was when claimed, or null when
   * no live token has that hash: of two concurrent refreshes, one wins.
   */
  claimForRotation(tokenHash: string, now: Date): Promise<RefreshSession | null>;
  revokeFamily(familyId: string, now: Date): Promise<void>;
  /** Revokes every family of the user (but `exceptFamilyId`); returns the families this call ended. */
  revokeAllForUser(userId: string, now: Date, exceptFamilyId?: string): Promise<string[]>;
  /** Families with a token revoked at or after `since`: what an access token may still claim to belong to. */
  listFamiliesRevokedSince(since: Date): Promise<string[]>;
  /** True while the family has a token that is neither rotated nor revoked nor expired. */
  isFamilyActive(familyId: string, now: Date): Promise<boolean>;
}
