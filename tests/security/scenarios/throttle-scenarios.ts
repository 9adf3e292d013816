import { describe, expect, it } from 'vitest';
import { registerUser, uniqueName } from '../../e2e/support/register-user.js';
import type { StartE2eApp } from '../../e2e/support/start-e2e-app.js';
import { useE2eApp } from '../../e2e/support/use-e2e-app.js';

const from = (address: string) => ({ 'x-forwarded-for': address, 'content-type': 'application/json' });

/** Expensive or guessable endpoints, throttled per address and per account. */
export const describeThrottleScenarios = (start: StartE2eApp): void => {
  describe('throttling by cost', () => {
    const app = useE2eApp(start, {
      TRUST_PROXY: 'true',
      REGISTER_LIMIT_PER_IP: '3',
      LOGIN_LIMIT_PER_ACCOUNT_AND_IP: '3',
      LOGIN_LIMIT_PER_ACCOUNT: '20',
    });

    it('limits registrations per address (429 with Retry-After), not for other addresses', async () => {
      const register = (address: string) => {
        const username = uniqueName('reg');
        return app().api('POST', '/api/auth/register', {
          rawBody: JSON.stringify({ username, email: `${username}@example.com`, password: 'password123' }),
          headers: from(address),
        });
      };
      for (let i = 0; i < 3; i += 1) expect((await register('198.51.100.30')).status).toBe(201);
      const refused = await register('198.51.100.30');
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await register('198.51.100.31')).status).toBe(201);
    });

    it('stops a guesser at one address without locking the owner out from another', async () => {
      const owner = await registerUser(app(), 'owner');
      const login = (password: string, address: string) =>
        app().api('POST', '/api/auth/login', {
          rawBody: JSON.stringify({ email: owner.email, password }),
          headers: from(address),
        });
      for (let i = 0; i < 3; i += 1) expect((await login('wrong guess!', '203.0.113.66')).status).toBe(401);
      expect((await login(owner.password, '203.0.113.66')).status).toBe(429);
      expect((await login(owner.password, '192.0.2.44')).status).toBe(200);
    });
  });
};
