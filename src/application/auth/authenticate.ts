import { unauthorized } from '../../domain/errors.js';
import type { SessionRevocations } from '../../ports/session-revocations.js';
import type { AccessClaims, TokenService } from '../../ports/token-service.js';
import { fail, ok, type Result } from '../shared/result.js';

/**
 * Checks an access token; the edge calls this for every request and socket
 * handshake. A token of a session that ended (logout, revocation) is refused
 * at once, from the set every process keeps: no database read per request.
 */
export class Authenticate {
  constructor(private readonly deps: { tokens: TokenService; revocations: SessionRevocations }) {}

  async execute(token: string | undefined): Result<AccessClaims> {
    if (!token) return fail(unauthorized('Missing access token'));
    const claims = await this.deps.tokens.verifyAccessToken(token);
    if (!claims) return fail(unauthorized('Invalid or expired access token'));
    if (this.deps.revocations.isEnded(claims.sessionId)) return fail(unauthorized('Session has ended'));
    return ok(claims);
  }
}
