import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { unauthorized } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { RefreshSession as StoredSession } from '../../domain/session.js';
import type { SessionRepository } from '../../ports/session-repository.js';
import type { SessionRevocations } from '../../ports/session-revocations.js';
import type { OpaqueTokenGenerator } from '../../ports/token-service.js';
import type { UserRepository } from '../../ports/user-repository.js';
import { BoundedString } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { IssuedTokens, SessionIssuer } from './session-issuer.js';

export const RefreshInput = t.exact(t.type({ refreshToken: BoundedString('RefreshToken', 512) }));

const INVALID_REFRESH = 'Invalid or expired refresh token';

/**
 * Rotates a refresh token. Its successor is derived from it, so a retry or a
 * racing twin of the same refresh within `reuseGraceMs` of the rotation gets
 * the same successor instead of ending the session. A token presented later,
 * or one that was revoked, is treated as stolen: its whole family is revoked,
 * ending the thief's and the owner's session alike.
 */
export class RefreshSession {
  constructor(
    private readonly deps: {
      sessions: SessionRepository;
      revocations: SessionRevocations;
      users: UserRepository;
      issuer: SessionIssuer;
      opaqueTokens: OpaqueTokenGenerator;
      clock: Clock;
      logger: Logger;
      reuseGraceMs: number;
    },
  ) {}

  async execute(raw: unknown): Result<IssuedTokens> {
    const input = decodeInput(RefreshInput, raw);
    if (E.isLeft(input)) return input;
    const { sessions, opaqueTokens, clock, logger, reuseGraceMs } = this.deps;
    const now = clock.now();
    const { refreshToken } = input.right;
    const tokenHash = opaqueTokens.hash(refreshToken);

    const claimed = await sessions.claimForRotation(tokenHash, now);
    if (claimed) return this.rotate(claimed, refreshToken, now);
    const known = await sessions.findByTokenHash(tokenHash);
    if (!known) return fail(unauthorized(INVALID_REFRESH));
    if (!known.revokedAt && !known.rotatedAt) {
      // Live but not claimable: a twin claimed it this instant and is still at work. Or simply expired.
      return known.expiresAt > now ? this.rotate(known, refreshToken, now) : fail(unauthorized(INVALID_REFRESH));
    }
    if (!known.revokedAt && known.rotatedAt && now.getTime() - known.rotatedAt.getTime() <= reuseGraceMs) {
      return this.rotate(known, refreshToken, now);
    }
    await sessions.revokeFamily(known.familyId, now);
    await this.deps.revocations.end([known.familyId], 'revoked');
    logger.warn('refresh token reused: session family revoked', { userId: known.userId, familyId: known.familyId });
    return fail(unauthorized(INVALID_REFRESH));
  }

  private async rotate(session: StoredSession, refreshToken: string, now: Date): Result<IssuedTokens> {
    const { sessions, revocations, users, issuer, opaqueTokens } = this.deps;
    const user = await users.findById(session.userId);
    if (!user || !user.isActive) {
      await sessions.revokeFamily(session.familyId, now);
      await revocations.end([session.familyId], 'revoked');
      return fail(unauthorized(INVALID_REFRESH));
    }
    return ok(await issuer.issue(user, session.familyId, opaqueTokens.successorOf(refreshToken)));
  }
}
