import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { conflict, rateLimited } from '../../domain/errors.js';
import { normaliseUsername, selfView, type SelfView } from '../../domain/user.js';
import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import type { PasswordHasher } from '../../ports/password-hasher.js';
import type { RateLimiter } from '../../ports/rate-limiter.js';
import { isDuplicateKey, type UserRepository } from '../../ports/user-repository.js';
import { Email, Password, Username } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { IssuedTokens, SessionIssuer } from './session-issuer.js';

export const RegisterInput = t.exact(t.type({ username: Username, email: Email, password: Password }));

export interface Registered extends IssuedTokens {
  readonly user: SelfView;
}

export class RegisterUser {
  constructor(
    private readonly deps: {
      users: UserRepository;
      hasher: PasswordHasher;
      sessions: SessionIssuer;
      ids: IdGenerator;
      clock: Clock;
      /** Registrations from one address: each costs a full password hash. */
      limitPerIp: RateLimiter;
    },
  ) {}

  async execute(raw: unknown, clientIp: string): Result<Registered> {
    const input = decodeInput(RegisterInput, raw);
    if (E.isLeft(input)) return input;
    const { username, email, password } = input.right;
    const { users, hasher, sessions, ids, clock, limitPerIp } = this.deps;
    const decision = await limitPerIp.consume(clientIp);
    if (!decision.allowed) return fail(rateLimited(decision.retryAfterSeconds, 'Too many registrations'));
    const now = clock.now();
    const inserted = await users.insert({
      id: ids.next(),
      username,
      usernameLower: normaliseUsername(username),
      email,
      passwordHash: await hasher.hash(password),
      isActive: true,
      lastSeen: null,
      createdAt: now,
      updatedAt: now,
    });
    if (isDuplicateKey(inserted)) {
      return fail(
        conflict(`That ${inserted.duplicate} is already taken`, [
          { field: inserted.duplicate, message: 'is already taken' },
        ]),
      );
    }
    return ok({ user: selfView(inserted, false), ...(await sessions.issue(inserted)) });
  }
}
