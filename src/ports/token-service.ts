export interface AccessClaims {
  readonly userId: string;
  readonly username: string;
  /** The refresh-token family (login session) this token was issued in. */
  readonly sessionId: string;
  readonly expiresAt: Date;
}

export interface IssuedAccessToken {
  readonly token: string;
  readonly expiresAt: Date;
}

export interface TokenService {
  issueAccessToken(claims: Omit<AccessClaims, 'expiresAt'>): Promise<IssuedAccessToken>;
  /** Null for a missing, expired, tampered or wrong-algorithm token. */
  verifyAccessToken(token: string): Promise<AccessClaims | null>;
}

/** Opaque refresh tokens: random strings, stored only as hashes. */
export interface OpaqueTokenGenerator {
  generate(): string;
  hash(token: string): string;
  /**
   * The token that replaces `token` when it is rotated: always the same one
   * for the same token, so a retried refresh gets the pair the first one got,
   * and derived with a server key, so nobody can compute it from a leaked token.
   */
  successorOf(token: string): string;
}
