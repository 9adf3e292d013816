import { webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../../ports/clock.js';
import type { AccessClaims, IssuedAccessToken, TokenService } from '../../ports/token-service.js';

export interface JoseTokenServiceOptions {
  /** HMAC secret; at least 32 bytes (UTF-8), the size of an HS256 key. */
  readonly secret: string;
  readonly issuer: string;
  readonly audience: string;
  readonly accessTokenTtlSeconds?: number;
}

const ALGORITHM = 'HS256';
/** Verified tokens remembered; the oldest is forgotten first. A few MB at most. */
const VERIFIED_CACHE_SIZE = 10_000;
const MIN_SECRET_BYTES = 32;
const DEFAULT_TTL_SECONDS = 900;

const toSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** Short-lived HS256 access tokens: subject = user id, claims `username` and `sid` (session family). */
export class JoseTokenService implements TokenService {
  private readonly key: Uint8Array;
  /**
   * The secret imported once as a Web Crypto key: given raw bytes, jose imports
   * them again on every call, which cost more than the HMAC itself (bench/findings.md).
   */
  private cryptoKey: Promise<webcrypto.CryptoKey> | undefined;
  /**
   * Tokens that passed every check, by their exact text. Signature, algorithm,
   * issuer, audience and claims depend only on that text, so a hit skips them
   * and checks the one thing that depends on time, expiry, as jose does.
   */
  private readonly verified = new Map<string, AccessClaims>();
  private readonly issuer: string;
  private readonly audience: string;
  private readonly ttlSeconds: number;

  constructor(
    options: JoseTokenServiceOptions,
    private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(options.secret);
    if (this.key.byteLength < MIN_SECRET_BYTES) {
      throw new Error(`the token secret must be at least ${MIN_SECRET_BYTES} bytes long`);
    }
    if (!options.issuer || !options.audience) throw new Error('the token issuer and audience must not be empty');
    this.ttlSeconds = options.accessTokenTtlSeconds ?? DEFAULT_TTL_SECONDS;
    if (!Number.isInteger(this.ttlSeconds) || this.ttlSeconds <= 0) {
      throw new Error(`the access token lifetime must be a positive whole number of seconds, got ${this.ttlSeconds}`);
    }
    this.issuer = options.issuer;
    this.audience = options.audience;
  }

  async issueAccessToken(claims: Omit<AccessClaims, 'expiresAt'>): Promise<IssuedAccessToken> {
    const issuedAt = toSeconds(this.clock.now());
    const expiresAt = issuedAt + this.ttlSeconds;
    const token = await new SignJWT({ username: claims.username, sid: claims.sessionId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(await this.importedKey());
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  async verifyAccessToken(token: string): Promise<AccessClaims | null> {
    if (typeof token !== 'string' || token.length === 0) return null;
    const now = this.clock.now();
    const known = this.verified.get(token);
    // jose's rule: expired when exp <= now, in whole seconds.
    if (known && toSeconds(known.expiresAt) > toSeconds(now)) return { ...known, expiresAt: new Date(known.expiresAt) };
    try {
      const { payload } = await jwtVerify(token, await this.importedKey(), {
        algorithms: [ALGORITHM],
        issuer: this.issuer,
        audience: this.audience,
        currentDate: now,
        requiredClaims: ['sub', 'iat', 'exp'],
      });
      const { sub, username, sid, exp } = payload;
      if (typeof sub !== 'string' || typeof username !== 'string' || typeof sid !== 'string' || exp === undefined) {
        return null;
      }
      const claims: AccessClaims = { userId: sub, username, sessionId: sid, expiresAt: new Date(exp * 1000) };
      this.remember(token, claims);
      return { ...claims, expiresAt: new Date(claims.expiresAt) };
    } catch (error) {
      // Every way a token can be bad is a JOSEError; anything else is a bug and should surface.
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }

  private remember(token: string, claims: AccessClaims): void {
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, claims);
  }

  private importedKey(): Promise<webcrypto.CryptoKey> {
    this.cryptoKey ??= webcrypto.subtle.importKey('raw', this.key, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    return this.cryptoKey;
  }
}
