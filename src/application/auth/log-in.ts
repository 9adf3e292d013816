import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { rateLimited, unauthorized } from '../../domain/errors.js';
import { selfView, type SelfView } from '../../domain/user.js';
import type { PasswordHasher } from '../../ports/password-hasher.js';
import type { PresenceStore } from '../../ports/presence-store.js';
import type { RateLimiter } from '../../ports/rate-limiter.js';
import type { UserRepository } from '../../ports/user-repository.js';
import type { Clock } from '../../ports/clock.js';
import { Email, LoginPassword } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { IssuedTokens, SessionIssuer } from './session-issuer.js';

export const LogInInput = t.exact(t.type({ email: Email, password: LoginPassword }));

export interface LoggedIn extends IssuedTokens {
  readonly user: SelfView;
}

const INVALID_CREDENTIALS = 'Invalid email or password';

export class LogIn {
  /** Compared against when the e-mail is unknown, so both failures cost one bcrypt compare. */
  private decoyHash: Promise<string> | undefined;

  constructor(
    private readonly deps: {
      users: UserRepository;
      hasher: PasswordHasher;
      sessions: SessionIssuer;
      presence: PresenceStore;
      clock: Clock;
      /** Every attempt from an address. */
      limitPerIp: RateLimiter;
      /** Attempts at one account from one address: what stops guessing. */
      limitPerAccountAndIp: RateLimiter;
      /** Attempts at one account from anywhere: a higher bound, so a guesser elsewhere cannot lock the owner out. */
      limitPerAccount: RateLimiter;
    },
  ) {}

  async execute(raw: unknown, clientIp: string): Result<LoggedIn> {
    const input = decodeInput(LogInInput, raw);
    if (E.isLeft(input)) return input;
    const { email, password } = input.right;
    const { users, hasher, sessions, presence, clock, limitPerIp, limitPerAccountAndIp, limitPerAccount } = this.deps;
    const accountAndIp = `${email}|${clientIp}`;

    for (const [limiter, key] of [
      [limitPerIp, clientIp],
      [limitPerAccountAndIp, accountAndIp],
      [limitPerAccount, email],
    ] as const) {
      const decision = await limiter.consume(key);
      if (!decision.allowed) return fail(rateLimited(decision.retryAfterSeconds, 'Too many login attempts'));
    }

    const user = await users.findByEmail(email);
    this.decoyHash ??= hasher.hash('decoy password for unknown accounts');
    const matches = await hasher.verify(password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !matches || !user.isActive) return fail(unauthorized(INVALID_CREDENTIALS));

    await Promise.all([limitPerAccountAndIp.reset(accountAndIp), limitPerAccount.reset(email)]);
    const isOnline = await presence.isOnline(user.id, clock.now());
    return ok({ user: selfView(user, isOnline), ...(await sessions.issue(user)) });
  }
}
