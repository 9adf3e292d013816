import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { logIn, PASSWORD, refresh } from '../support.js';

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
