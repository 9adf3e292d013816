/**
 * One refresh token of a login session. Every refresh rotates the token: the
 * presented row is marked rotated and a new row joins the same family. A
 * rotated token presented again means it leaked, so the family is revoked.
 */
export interface RefreshSession {
  readonly id: string;
  readonly userId: string;
  readonly familyId: string;
  /** SHA-256 of the opaque token; the token itself is never stored. */
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly rotatedAt: Date | null;
  readonly revokedAt: Date | null;
}
