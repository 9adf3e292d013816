import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { logIn, PASSWORD, registerInput, sha256 } from '../support.js';

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

  it('throttles registrations per address, before any password is hashed', async () => {
    const core = buildCore({ REGISTER_LIMIT_PER_IP: '2' });
    right(await core.useCases.registerUser.execute(registerInput('first'), '198.51.100.9'));
    right(await core.useCases.registerUser.execute(registerInput('second'), '198.51.100.9'));
    const throttled = left(await core.useCases.registerUser.execute(registerInput('third'), '198.51.100.9'));
    expect(throttled).toMatchObject({ _tag: 'RateLimited', retryAfterSeconds: expect.any(Number) });
    expect(await core.infrastructure.users.findByEmail('third@example.com')).toBeNull();
    right(await core.useCases.registerUser.execute(registerInput('fourth'), '198.51.100.10'));
  });
});
