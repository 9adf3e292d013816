import { describe, expect, it } from 'vitest';
import { registerUser } from '../../e2e/support/register-user.js';
import type { E2eApp, StartE2eApp } from '../../e2e/support/start-e2e-app.js';
import { useE2eApp } from '../../e2e/support/use-e2e-app.js';

interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
}

const refresh = (app: E2eApp, refreshToken: string) =>
  app.api<Tokens>('POST', '/api/auth/refresh', { body: { refreshToken } });

/** A double submit or a retry of a refresh must not log the user out; a late reuse still ends the family. */
export const describeRefreshRaceScenarios = (start: StartE2eApp): void => {
  describe('refresh races', () => {
    const app = useE2eApp(start, { REFRESH_REUSE_GRACE_SECONDS: '30' });

    it('gives ten simultaneous refreshes with one token one successor, and the session lives on', async () => {
      const user = await registerUser(app(), 'racer');
      const results = await Promise.all(Array.from({ length: 10 }, () => refresh(app(), user.refreshToken)));
      expect(results.map((result) => result.status)).toEqual(Array(10).fill(200));
      const successors = new Set(results.map((result) => result.body.data.refreshToken));
      expect(successors.size).toBe(1);
      for (const result of results) {
        expect((await app().api('GET', '/api/auth/me', { token: result.body.data.accessToken })).status).toBe(200);
      }
      const [successor] = successors;
      expect((await refresh(app(), successor!)).status).toBe(200);
    });

    it('answers a retry of an already used token with the same successor, not a revocation', async () => {
      const user = await registerUser(app(), 'retrier');
      const first = await refresh(app(), user.refreshToken);
      const retry = await refresh(app(), user.refreshToken);
      expect([first.status, retry.status]).toEqual([200, 200]);
      expect(retry.body.data.refreshToken).toBe(first.body.data.refreshToken);
    });

    it('still ends the family when a token is reused after the grace', async () => {
      const noGrace = await start({ REFRESH_REUSE_GRACE_SECONDS: '0' });
      try {
        const user = await registerUser(noGrace, 'thief');
        const rotated = await refresh(noGrace, user.refreshToken);
        expect(rotated.status).toBe(200);
        expect((await refresh(noGrace, user.refreshToken)).status).toBe(401);
        expect((await refresh(noGrace, rotated.body.data.refreshToken)).status).toBe(401);
      } finally {
        await noGrace.stop();
      }
    });
  });
};
