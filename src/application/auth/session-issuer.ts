import type { User } from '../../domain/user.js';
import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import type { SessionRepository } from '../../ports/session-repository.js';
import type { OpaqueTokenGenerator, TokenService } from '../../ports/token-service.js';

export interface IssuedTokens {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: string;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: string;
}

export interface SessionIssuerDeps {
  readonly sessions: SessionRepository;
  readonly tokens: TokenService;
  readonly opaqueTokens: OpaqueTokenGenerator;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly refreshTokenTtlSeconds: number;
}

/**
 * Stores a refresh token (a new one, or the given successor at a rotation)
 * in a new or an existing family, and signs an access token for it.
 */
export class SessionIssuer {
  constructor(private readonly deps: SessionIssuerDeps) {}

  async issue(
    user: Pick<User, 'id' | 'username'>,
    familyId?: string,
    refreshToken = this.deps.opaqueTokens.generate(),
  ): Promise<IssuedTokens> {
    const { sessions, tokens, opaqueTokens, ids, clock, refreshTokenTtlSeconds } = this.deps;
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + refreshTokenTtlSeconds * 1000);
    const family = familyId ?? ids.next();
    await sessions.insert({
      id: ids.next(),
      userId: user.id,
      familyId: family,
      tokenHash: opaqueTokens.hash(refreshToken),
      createdAt: now,
      expiresAt,
      rotatedAt: null,
      revokedAt: null,
    });
    const access = await tokens.issueAccessToken({ userId: user.id, username: user.username, sessionId: family });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken,
      refreshTokenExpiresAt: expiresAt.toISOString(),
    };
  }
}
