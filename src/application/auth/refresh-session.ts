import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { unauthorized } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { SessionRepository } from '../../ports/session-repository.js';
import type { OpaqueTokenGenerator } from '../../ports/token-service.js';
import type { UserRepository } from '../../ports/user-repository.js';
import { BoundedString } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { IssuedTokens, SessionIssuer } from './session-issuer.js';

export const RefreshInput = t.exact(t.type({ refreshToken: BoundedString('RefreshToken', 512) }));

const INVALID_REFRESH = 'Invalid or expired refresh token';

/**
 * Rotates a refresh token. A token that was already rotated (or revoked) is
 * treated as stolen: its whole family is revoked, ending the thief's and the
 * owner's session alike.
 */
export class RefreshSession {
  constructor(
    private readonly deps: {
      sessions: SessionRepository;
      users: UserRepository;
      issuer: SessionIssuer;
      opaqueTokens: OpaqueTokenGenerator;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  async execute(raw: unknown): Result<IssuedTokens> {
    const input = decodeInput(RefreshInput, raw);
    if (E.isLeft(input)) return input;
    const { sessions, users, issuer, opaqueTokens, clock, logger } = this.deps;
    const now = clock.now();
    const tokenHash = opaqueTokens.hash(input.right.refreshToken);

    const claimed = await sessions.claimForRotation(tokenHash, now);
    if (!claimed) {
      const known = await sessions.findByTokenHash(tokenHash);
      if (known && (known.rotatedAt || known.revokedAt)) {
        await sessions.revokeFamily(known.familyId, now);
        logger.warn('refresh token reused: session family revoked', { userId: known.userId, familyId: known.familyId });
      }
      return fail(unauthorized(INVALID_REFRESH));
    }
    const user = await users.findById(claimed.userId);
    if (!user || !user.isActive) {
      await sessions.revokeFamily(claimed.familyId, now);
      return fail(unauthorized(INVALID_REFRESH));
    }
    return ok(await issuer.issue(user, claimed.familyId));
  }
}
