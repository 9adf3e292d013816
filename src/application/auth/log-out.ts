import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { Clock } from '../../ports/clock.js';
import type { SessionRepository } from '../../ports/session-repository.js';
import type { SessionRevocations } from '../../ports/session-revocations.js';
import type { AccessClaims, OpaqueTokenGenerator } from '../../ports/token-service.js';
import { BooleanFlag, BoundedString } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { ok, type Result } from '../shared/result.js';

export const LogOutInput = t.exact(t.partial({ refreshToken: BoundedString('RefreshToken', 512), all: BooleanFlag }));

/**
 * Ends the caller's session: the family of the given refresh token, else the
 * one the access token was issued in; every session with `all`.
 */
export class LogOut {
  constructor(
    private readonly deps: {
      sessions: SessionRepository;
      revocations: SessionRevocations;
      opaqueTokens: OpaqueTokenGenerator;
      clock: Clock;
    },
  ) {}

  async execute(caller: AccessClaims, raw: unknown): Result<{ sessionsEnded: 'current' | 'all' }> {
    const input = decodeInput(LogOutInput, raw ?? {});
    if (E.isLeft(input)) return input;
    const { sessions, revocations, opaqueTokens, clock } = this.deps;
    const now = clock.now();
    if (input.right.all) {
      const ended = await sessions.revokeAllForUser(caller.userId, now);
      await revocations.end([...new Set([caller.sessionId, ...ended])], 'logout');
      return ok({ sessionsEnded: 'all' });
    }
    let familyId = caller.sessionId;
    if (input.right.refreshToken) {
      const session = await sessions.findByTokenHash(opaqueTokens.hash(input.right.refreshToken));
      if (session && session.userId === caller.userId) familyId = session.familyId;
    }
    await sessions.revokeFamily(familyId, now);
    await revocations.end([familyId], 'logout');
    return ok({ sessionsEnded: 'current' });
  }
}
