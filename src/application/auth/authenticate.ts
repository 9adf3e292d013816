import { unauthorized } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { SessionRepository } from '../../ports/session-repository.js';
import type { AccessClaims, TokenService } from '../../ports/token-service.js';
import { fail, ok, type Result } from '../shared/result.js';

/**
 * Checks an access token; the edge calls this for every request and socket
 * handshake. A long-lived connection also asks that its login session is
 * still live, so a socket opened after logout is refused; a REST request
 * relies on the token's short lifetime instead of a lookup per request.
 */
export class Authenticate {
  constructor(private readonly deps: { tokens: TokenService; sessions: SessionRepository; clock: Clock }) {}

  async execute(token: string | undefined, options: { requireLiveSession?: boolean } = {}): Result<AccessClaims> {
    if (!token) return fail(unauthorized('Missing access token'));
    const claims = await this.deps.tokens.verifyAccessToken(token);
    if (!claims) return fail(unauthorized('Invalid or expired access token'));
    if (
      options.requireLiveSession &&
      !(await this.deps.sessions.isFamilyActive(claims.sessionId, this.deps.clock.now()))
    ) {
      return fail(unauthorized('Session has ended'));
    }
    return ok(claims);
  }
}
