import { describe, expect, it } from 'vitest';
import { connectSocket, refusedConnection } from '../support/chat-socket.js';
import { registerUser } from '../support/register-user.js';
import type { E2eApp, StartE2eApp } from '../support/start-e2e-app.js';
import { useE2eApp } from '../support/use-e2e-app.js';

interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
}

const refresh = (app: E2eApp, refreshToken: string) =>
  app.api<Tokens>('POST', '/api/auth/refresh', { body: { refreshToken } });

const me = (app: E2eApp, accessToken: string) => app.api('GET', '/api/auth/me', { token: accessToken });

export const describeSessionScenarios = (start: StartE2eApp): void => {
  describe('sessions', () => {
    // No grace: a reuse right after a rotation counts as theft (the grace has its own scenario).
    const app = useE2eApp(start, { REFRESH_REUSE_GRACE_SECONDS: '0' });

    it('rotates refresh tokens and revokes the whole family when an old one is reused', async () => {
      const user = await registerUser(app(), 'rotator');

      const rotated = await refresh(app(), user.refreshToken);
      expect(rotated.status).toBe(200);
      const next = rotated.body.data;
      expect(next.refreshToken).not.toBe(user.refreshToken);
      expect((await me(app(), next.accessToken)).status).toBe(200);
      await connectSocket(app(), next.accessToken);

      const reused = await refresh(app(), user.refreshToken);
      expect(reused.status).toBe(401);
      expect(reused.body.code).toBe('UNAUTHORIZED');

      // The reuse ended the family: the newest token is dead too, and so are new sockets of that session.
      expect((await refresh(app(), next.refreshToken)).status).toBe(401);
      expect((await refusedConnection(app(), { token: next.accessToken })).message).toBe('unauthorized');

      // Logging in again starts a new, working family.
      const login = await app().api<Tokens>('POST', '/api/auth/login', {
        body: { email: user.email, password: user.password },
      });
      expect(login.status).toBe(200);
      expect((await refresh(app(), login.body.data.refreshToken)).status).toBe(200);
    });

    it('logout ends that session only; logout with all ends every session', async () => {
      const user = await registerUser(app(), 'leaver');
      const second = await app().api<Tokens>('POST', '/api/auth/login', {
        body: { email: user.email.toUpperCase(), password: user.password },
      });
      expect(second.status).toBe(200);

      const out = await app().api('POST', '/api/auth/logout', { token: second.body.data.accessToken });
      expect(out.status).toBe(200);
      expect(out.body.data).toEqual({ sessionsEnded: 'current' });
      expect((await refresh(app(), second.body.data.refreshToken)).status).toBe(401);
      expect((await refusedConnection(app(), { token: second.body.data.accessToken })).message).toBe('unauthorized');

      // The registration session is untouched.
      const first = await refresh(app(), user.refreshToken);
      expect(first.status).toBe(200);
      await connectSocket(app(), first.body.data.accessToken);

      const all = await app().api('POST', '/api/auth/logout', {
        token: first.body.data.accessToken,
        body: { all: true },
      });
      expect(all.body.data).toEqual({ sessionsEnded: 'all' });
      expect((await refresh(app(), first.body.data.refreshToken)).status).toBe(401);
      expect((await refusedConnection(app(), { token: first.body.data.accessToken })).message).toBe('unauthorized');
    });
  });
};
