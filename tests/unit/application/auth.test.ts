import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCore, left, right, type Core } from '../../support/build-core.js';

const PASSWORD = 'correct horse battery';

const registerInput = (username: string, overrides: Record<string, unknown> = {}) => ({
  username,
  email: `${username.toLowerCase()}@example.com`,
  password: PASSWORD,
  ...overrides,
});

const sha256 = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

const logIn = (core: Core, email: string, password: string, ip = '203.0.113.1') =>
  core.useCases.logIn.execute({ email, password }, ip);

const refresh = (core: Core, refreshToken: string) => core.useCases.refreshSession.execute({ refreshToken });

describe('registering', () => {
  it('returns the user and tokens, never a password hash or a refresh token hash', async () => {
    const core = buildCore();
    const result = right(await core.useCases.registerUser.execute(registerInput('Alice'), '203.0.113.9'));

    expect(result.user).toMatchObject({ username: 'Alice', email: 'alice@example.com', isOnline: false });
    expect(Object.keys(result.user).sort()).toEqual(['createdAt', 'email', 'id', 'isOnline', 'lastSeen', 'username']);
    expect(result.accessToken).toEqual(expect.any(String));
    expect(result.refreshToken).toEqual(expect.any(String));

    const stored = await core.infrastructure.users.findById(result.user.id);
    const session = await core.infrastructure.sessions.findByTokenHash(sha256(result.refreshToken));
    expect(stored?.passwordHash).toBeTruthy();
    expect(session?.userId).toBe(result.user.id);
    const serialised = JSON.stringify(result);
    expect(serialised).not.toContain(stored!.passwordHash);
    expect(serialised).not.toContain(session!.tokenHash);
    expect(serialised).not.toContain('passwordHash');
    expect(serialised).not.toContain(PASSWORD);
  });

  it('stores the e-mail lower-case and the access token authenticates as the new user', async () => {
    const core = buildCore();
    const result = right(
      await core.useCases.registerUser.execute(
        registerInput('Bob', { email: '  Bob.Smith@Example.COM ' }),
        '203.0.113.9',
      ),
    );
    expect(result.user.email).toBe('bob.smith@example.com');
    const claims = right(await core.useCases.authenticate.execute(result.accessToken));
    expect(claims).toMatchObject({ userId: result.user.id, username: 'Bob' });
  });

  it('refuses a taken e-mail (in any case) with a Conflict on email, storing no second user', async () => {
    const core = buildCore();
    await core.register('alice');
    const error = left(
      await core.useCases.registerUser.execute(
        registerInput('someone_else', { email: 'ALICE@example.com' }),
        '203.0.113.9',
      ),
    );
    expect(error).toMatchObject({ _tag: 'Conflict', errors: [{ field: 'email' }] });
    expect(await core.infrastructure.users.count()).toBe(1);
  });

  it('refuses a username taken in another case with a Conflict on username, storing no second user', async () => {
    const core = buildCore();
    await core.register('Alice');
    const error = left(
      await core.useCases.registerUser.execute(registerInput('alice', { email: 'another@example.com' }), '203.0.113.9'),
    );
    expect(error).toMatchObject({ _tag: 'Conflict', errors: [{ field: 'username' }] });
    expect(await core.infrastructure.users.count()).toBe(1);
    expect(await core.infrastructure.users.findByEmail('another@example.com')).toBeNull();
  });

  it.each([
    ['a too short username', { username: 'ab' }, 'username'],
    ['a username with a space', { username: 'al ice' }, 'username'],
    ['a 31-character username', { username: 'a'.repeat(31) }, 'username'],
    ['a missing username', { username: undefined }, 'username'],
    ['an invalid e-mail', { email: 'not-an-email' }, 'email'],
    ['an operator object as e-mail', { email: { $gt: '' } }, 'email'],
    ['a number as password', { password: 12345678 }, 'password'],
    ['a missing password', { password: undefined }, 'password'],
  ])('refuses %s with a Validation error naming the field', async (_name, overrides, field) => {
    const core = buildCore();
    const error = left(await core.useCases.registerUser.execute(registerInput('valid_name', overrides), '203.0.113.9'));
    expect(error._tag).toBe('Validation');
    if (error._tag !== 'Validation') return;
    expect(error.errors.map((e) => e.field)).toContain(field);
    for (const e of error.errors) expect(e).toEqual({ field: e.field, message: expect.any(String) });
    expect(await core.infrastructure.users.count()).toBe(0);
  });

  it.each([
    ['too short', 'Xq7#pw'],
    ['too long', `Secret-${'Zz9'.repeat(30)}`],
  ])('never echoes a %s password in the Validation error', async (_name, password) => {
    const core = buildCore();
    const error = left(
      await core.useCases.registerUser.execute(registerInput('valid_name', { password }), '203.0.113.9'),
    );
    expect(error).toMatchObject({ _tag: 'Validation', errors: [{ field: 'password' }] });
    expect(JSON.stringify(error)).not.toContain(password);
  });

  it('counts the password in bytes: 72 bytes of multi-byte characters pass, 73 fail', async () => {
    const core = buildCore();
    const seventyTwo = 'é'.repeat(36);
    const seventyThree = `${'é'.repeat(36)}a`;
    expect(seventyThree.length).toBe(37);

    const refused = left(
      await core.useCases.registerUser.execute(registerInput('long_one', { password: seventyThree }), '203.0.113.9'),
    );
    expect(refused).toMatchObject({ _tag: 'Validation', errors: [{ field: 'password' }] });

    right(await core.useCases.registerUser.execute(registerInput('long_two', { password: seventyTwo }), '203.0.113.9'));
    right(await logIn(core, 'long_two@example.com', seventyTwo));
  });

  it('drops unknown fields instead of storing them', async () => {
    const core = buildCore();
    const { user } = right(
      await core.useCases.registerUser.execute(
        { ...registerInput('carol'), isActive: false, passwordHash: 'x' },
        '203.0.113.9',
      ),
    );
    const stored = await core.infrastructure.users.findById(user.id);
    expect(stored?.isActive).toBe(true);
    expect(stored?.passwordHash).not.toBe('x');
  });
});

describe('logging in', () => {
  it('returns the user and a working pair of tokens', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const result = right(await logIn(core, 'ALICE@example.com', PASSWORD));
    expect(result.user).toMatchObject({ id: alice.user.id, email: 'alice@example.com' });
    expect(JSON.stringify(result)).not.toContain('passwordHash');
    right(await core.useCases.authenticate.execute(result.accessToken));
    right(await refresh(core, result.refreshToken));
  });

  it('gives the same Unauthorized message for an unknown e-mail and a wrong password', async () => {
    const core = buildCore();
    await core.register('alice');
    const unknown = left(await logIn(core, 'nobody@example.com', PASSWORD));
    const wrong = left(await logIn(core, 'alice@example.com', 'wrong password'));
    expect(unknown._tag).toBe('Unauthorized');
    expect(wrong).toEqual(unknown);
  });

  it('refuses an operator object as e-mail with a Validation error', async () => {
    const core = buildCore();
    const error = left(await core.useCases.logIn.execute({ email: { $gt: '' }, password: PASSWORD }, '203.0.113.1'));
    expect(error).toMatchObject({ _tag: 'Validation', errors: [{ field: 'email' }] });
  });

  it('throttles an account after LOGIN_LIMIT_PER_ACCOUNT attempts, from any IP and in any e-mail case', async () => {
    const core = buildCore({ LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_WINDOW_SECONDS: '600' });
    await core.register('alice');
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      expect(left(await logIn(core, 'alice@example.com', 'wrong password', ip))._tag).toBe('Unauthorized');
    }
    const throttled = left(await logIn(core, 'ALICE@example.com', PASSWORD, '198.51.100.4'));
    expect(throttled._tag).toBe('RateLimited');
    if (throttled._tag !== 'RateLimited') return;
    expect(throttled.retryAfterSeconds).toBeGreaterThan(0);
    expect(throttled.retryAfterSeconds).toBeLessThanOrEqual(600);

    await core.register('bob');
    right(await logIn(core, 'bob@example.com', PASSWORD, '198.51.100.4'));
  });

  it('throttles guesses at an account from one address without locking the owner out elsewhere', async () => {
    const core = buildCore({ LOGIN_LIMIT_PER_ACCOUNT_AND_IP: '3', LOGIN_LIMIT_PER_ACCOUNT: '50' });
    await core.register('alice');
    for (let i = 0; i < 3; i += 1) {
      expect(left(await logIn(core, 'alice@example.com', 'wrong password', '198.51.100.66'))._tag).toBe('Unauthorized');
    }
    expect(left(await logIn(core, 'alice@example.com', PASSWORD, '198.51.100.66'))._tag).toBe('RateLimited');
    right(await logIn(core, 'alice@example.com', PASSWORD, '203.0.113.20'));
  });

  it('throttles registrations per address, before any password is hashed', async () => {
    const core = buildCore({ REGISTER_LIMIT_PER_IP: '2' });
    right(await core.useCases.registerUser.execute(registerInput('first'), '198.51.100.9'));
    right(await core.useCases.registerUser.execute(registerInput('second'), '198.51.100.9'));
    const throttled = left(await core.useCases.registerUser.execute(registerInput('third'), '198.51.100.9'));
    expect(throttled).toMatchObject({ _tag: 'RateLimited', retryAfterSeconds: expect.any(Number) });
    expect(await core.infrastructure.users.findByEmail('third@example.com')).toBeNull();
    right(await core.useCases.registerUser.execute(registerInput('fourth'), '198.51.100.10'));
  });

  it('resets the account counter after a successful login', async () => {
    const core = buildCore({ LOGIN_LIMIT_PER_ACCOUNT: '3' });
    await core.register('alice');
    left(await logIn(core, 'alice@example.com', 'wrong password'));
    left(await logIn(core, 'alice@example.com', 'wrong password'));
    right(await logIn(core, 'alice@example.com', PASSWORD));
    for (let i = 0; i < 3; i += 1) {
      expect(left(await logIn(core, 'alice@example.com', 'wrong password'))._tag).toBe('Unauthorized');
    }
    expect(left(await logIn(core, 'alice@example.com', PASSWORD))._tag).toBe('RateLimited');
  });

  it('throttles an IP after LOGIN_LIMIT_PER_IP attempts, whatever the account, and not other IPs', async () => {
    const core = buildCore({ LOGIN_LIMIT_PER_IP: '2' });
    await core.register('alice');
    left(await logIn(core, 'first@example.com', PASSWORD, '192.0.2.7'));
    left(await logIn(core, 'second@example.com', PASSWORD, '192.0.2.7'));
    const throttled = left(await logIn(core, 'alice@example.com', PASSWORD, '192.0.2.7'));
    expect(throttled).toMatchObject({ _tag: 'RateLimited', retryAfterSeconds: expect.any(Number) });
    right(await logIn(core, 'alice@example.com', PASSWORD, '192.0.2.8'));
  });
});

describe('refreshing a session', () => {
  it('rotates: new tokens work, the old refresh token stops working', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const rotated = right(await refresh(core, alice.refreshToken));
    expect(rotated.refreshToken).not.toBe(alice.refreshToken);
    const claims = right(await core.useCases.authenticate.execute(rotated.accessToken));
    expect(claims).toMatchObject({ userId: alice.user.id, sessionId: alice.claims.sessionId });

    core.clock.advance(10_001);
    expect(left(await refresh(core, alice.refreshToken))._tag).toBe('Unauthorized');
  });

  it('answers a retry within the grace with the same successor, and the session lives on', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const first = right(await refresh(core, alice.refreshToken));
    core.clock.advance(9_000);
    const retry = right(await refresh(core, alice.refreshToken));
    expect(retry.refreshToken).toBe(first.refreshToken);
    right(await core.useCases.authenticate.execute(retry.accessToken));
    right(await refresh(core, retry.refreshToken));
  });

  it('gives ten simultaneous refreshes with one token the same successor, without ending the session', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const results = await Promise.all(Array.from({ length: 10 }, () => refresh(core, alice.refreshToken)));
    const successors = new Set(results.map((result) => right(result).refreshToken));
    expect(successors.size).toBe(1);
    const [successor] = successors;
    right(await core.useCases.authenticate.execute(right(results[9]!).accessToken));
    right(await refresh(core, successor!));
  });

  it('does not bring a logged-out session back through the grace', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const rotated = right(await refresh(core, alice.refreshToken));
    right(await core.useCases.logOut.execute(alice.claims, { refreshToken: rotated.refreshToken }));
    expect(left(await refresh(core, alice.refreshToken))._tag).toBe('Unauthorized');
    expect(left(await refresh(core, rotated.refreshToken))._tag).toBe('Unauthorized');
  });

  it('revokes the whole family when a rotated token is presented again, leaving other families alone', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const otherDevice = right(await logIn(core, 'alice@example.com', PASSWORD));

    const second = right(await refresh(core, alice.refreshToken));
    const third = right(await refresh(core, second.refreshToken));
    core.clock.advance(10_001);
    expect(left(await refresh(core, alice.refreshToken))._tag).toBe('Unauthorized');

    expect(left(await refresh(core, third.refreshToken))._tag).toBe('Unauthorized');
    expect(left(await core.useCases.authenticate.execute(third.accessToken))._tag).toBe('Unauthorized');

    right(await core.useCases.authenticate.execute(otherDevice.accessToken));
    right(await refresh(core, otherDevice.refreshToken));
  });

  it('refuses an expired refresh token', async () => {
    const core = buildCore({ REFRESH_TOKEN_TTL_SECONDS: '120' });
    const alice = await core.register('alice');
    core.clock.advance(121_000);
    expect(left(await refresh(core, alice.refreshToken))._tag).toBe('Unauthorized');
  });

  it('renews the refresh lifetime with every rotation', async () => {
    const core = buildCore({ REFRESH_TOKEN_TTL_SECONDS: '120' });
    const alice = await core.register('alice');
    core.clock.advance(100_000);
    const rotated = right(await refresh(core, alice.refreshToken));
    core.clock.advance(100_000);
    right(await refresh(core, rotated.refreshToken));
  });

  it('refuses an unknown or malformed refresh token', async () => {
    const core = buildCore();
    expect(left(await refresh(core, 'never-issued'))._tag).toBe('Unauthorized');
    expect(left(await core.useCases.refreshSession.execute({ refreshToken: { $ne: '' } }))._tag).toBe('Validation');
  });
});

describe('logging out and authenticating', () => {
  it('ends the current session at once: its refresh token and its access token fail, other sessions live on', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const otherDevice = right(await logIn(core, 'alice@example.com', PASSWORD));

    expect(right(await core.useCases.logOut.execute(alice.claims, {}))).toEqual({ sessionsEnded: 'current' });

    expect(left(await refresh(core, alice.refreshToken))._tag).toBe('Unauthorized');
    expect(left(await core.useCases.authenticate.execute(alice.accessToken))._tag).toBe('Unauthorized');
    right(await core.useCases.authenticate.execute(otherDevice.accessToken));
    right(await refresh(core, otherDevice.refreshToken));
  });

  it('ends the session of the refresh token given, when it is the caller’s', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const otherDevice = right(await logIn(core, 'alice@example.com', PASSWORD));
    right(await core.useCases.logOut.execute(alice.claims, { refreshToken: otherDevice.refreshToken }));
    expect(left(await refresh(core, otherDevice.refreshToken))._tag).toBe('Unauthorized');
    right(await refresh(core, alice.refreshToken));
  });

  it('ignores another user’s refresh token and ends the caller’s own session', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    right(await core.useCases.logOut.execute(alice.claims, { refreshToken: bob.refreshToken }));
    right(await refresh(core, bob.refreshToken));
    expect(left(await refresh(core, alice.refreshToken))._tag).toBe('Unauthorized');
  });

  it('ends every session with {all: true}', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const second = right(await logIn(core, 'alice@example.com', PASSWORD));
    const third = right(await logIn(core, 'alice@example.com', PASSWORD));
    const bob = await core.register('bob');

    expect(right(await core.useCases.logOut.execute(alice.claims, { all: true }))).toEqual({ sessionsEnded: 'all' });

    for (const tokens of [alice, second, third]) {
      expect(left(await refresh(core, tokens.refreshToken))._tag).toBe('Unauthorized');
      expect(left(await core.useCases.authenticate.execute(tokens.accessToken))._tag).toBe('Unauthorized');
    }
    right(await refresh(core, bob.refreshToken));
  });

  it('refuses an access token once the clock passes its expiry', async () => {
    const core = buildCore({ ACCESS_TOKEN_TTL_SECONDS: '60' });
    const alice = await core.register('alice');
    core.clock.advance(59_000);
    right(await core.useCases.authenticate.execute(alice.accessToken));
    core.clock.advance(2_000);
    expect(left(await core.useCases.authenticate.execute(alice.accessToken))._tag).toBe('Unauthorized');
  });

  it('refuses a missing or tampered access token', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    expect(left(await core.useCases.authenticate.execute(undefined))._tag).toBe('Unauthorized');
    expect(left(await core.useCases.authenticate.execute(`${alice.accessToken}x`))._tag).toBe('Unauthorized');
  });

  it('returns the current user without a password hash', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const { user } = right(await core.useCases.getCurrentUser.execute(alice.claims));
    expect(user).toMatchObject({ id: alice.user.id, username: 'alice', email: 'alice@example.com' });
    expect(user).not.toHaveProperty('passwordHash');
  });
});
