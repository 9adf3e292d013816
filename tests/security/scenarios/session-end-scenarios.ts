import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { connectSocket, refusedConnection, type TestClient } from '../../e2e/support/chat-socket.js';
import { registerUser, type TestUser } from '../../e2e/support/register-user.js';
import type { E2eApp, StartE2eApp } from '../../e2e/support/start-e2e-app.js';
import { useE2eApp } from '../../e2e/support/use-e2e-app.js';

interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
}

const me = (app: E2eApp, token: string) => app.api('GET', '/api/auth/me', { token });
const logIn = async (app: E2eApp, user: TestUser): Promise<Tokens> =>
  (await app.api<Tokens>('POST', '/api/auth/login', { body: { email: user.email, password: user.password } })).body
    .data;

/** Waits for the socket to be told and then dropped; returns how long that took after `since`. */
const endedWithin = async (client: TestClient, reason: string, since: number): Promise<number> => {
  const disconnected = new Promise<void>((resolve) => {
    if (client.socket.disconnected) resolve();
    else client.socket.once('disconnect', () => resolve());
  });
  expect(await client.events.take('session_ended', undefined, 10_000)).toEqual({ reason });
  await disconnected;
  return Date.now() - since;
};

/**
 * An ended session ends everywhere at once: REST answers 401 on the next
 * request and its sockets are told and dropped, on every process. With
 * `twoProcesses`, the app is started twice on the same services.
 */
export const describeSessionEndScenarios = (start: StartE2eApp, options: { twoProcesses: boolean }): void => {
  describe('sessions that really end', () => {
    const app = useE2eApp(start, { REFRESH_REUSE_GRACE_SECONDS: '0' });

    it('logout: the access token gets 401 at once and both sockets of the session are told and dropped', async () => {
      const user = await registerUser(app(), 'leaver');
      const other = await logIn(app(), user);
      const tabs = await Promise.all([connectSocket(app(), user.accessToken), connectSocket(app(), user.accessToken)]);
      const otherTab = await connectSocket(app(), other.accessToken);

      const started = Date.now();
      expect((await app().api('POST', '/api/auth/logout', { token: user.accessToken, body: {} })).status).toBe(200);
      expect((await me(app(), user.accessToken)).status).toBe(401);
      const took = await Promise.all(tabs.map((tab) => endedWithin(tab, 'logout', started)));
      console.log(`[security] sockets of a logged-out session dropped ${Math.max(...took)} ms after logout`);

      expect((await me(app(), other.accessToken)).status).toBe(200);
      expect(otherTab.socket.connected).toBe(true);
      expect((await refusedConnection(app(), { token: user.accessToken })).message).toBe('unauthorized');
    });

    it('logout with all: every session of the user ends, on REST and sockets', async () => {
      const user = await registerUser(app(), 'everywhere');
      const other = await logIn(app(), user);
      const tabs = [await connectSocket(app(), user.accessToken), await connectSocket(app(), other.accessToken)];
      const started = Date.now();
      const res = await app().api('POST', '/api/auth/logout', { token: user.accessToken, body: { all: true } });
      expect(res.status).toBe(200);
      for (const token of [user.accessToken, other.accessToken]) expect((await me(app(), token)).status).toBe(401);
      await Promise.all(tabs.map((tab) => endedWithin(tab, 'logout', started)));
    });

    it('a reused refresh token revokes the family: its sockets are told it was revoked', async () => {
      const user = await registerUser(app(), 'robbed');
      const tab = await connectSocket(app(), user.accessToken);
      const rotated = await app().api<Tokens>('POST', '/api/auth/refresh', {
        body: { refreshToken: user.refreshToken },
      });
      expect(rotated.status).toBe(200);
      const started = Date.now();
      const reuse = await app().api('POST', '/api/auth/refresh', { body: { refreshToken: user.refreshToken } });
      expect(reuse.status).toBe(401);
      await endedWithin(tab, 'revoked', started);
      expect((await me(app(), rotated.body.data.accessToken)).status).toBe(401);
    });

    it('an e-mail change ends the other sessions, not the one that made it', async () => {
      const user = await registerUser(app(), 'mover');
      const other = await logIn(app(), user);
      const here = await connectSocket(app(), user.accessToken);
      const there = await connectSocket(app(), other.accessToken);
      const started = Date.now();
      const email = `moved_${randomBytes(4).toString('hex')}@example.com`;
      expect((await app().api('PUT', '/api/user/profile', { token: user.accessToken, body: { email } })).status).toBe(
        200,
      );
      await endedWithin(there, 'credentials_changed', started);
      expect((await me(app(), other.accessToken)).status).toBe(401);
      expect((await me(app(), user.accessToken)).status).toBe(200);
      expect(here.socket.connected).toBe(true);
    });

    if (!options.twoProcesses) return;
    it('a logout on one process ends the session on the other at once', async () => {
      const shared = randomBytes(4).toString('hex');
      const env = {
        REFRESH_REUSE_GRACE_SECONDS: '0',
        MONGODB_DB: `e2e_sessions_${shared}`,
        REDIS_KEY_PREFIX: `e2e:sessions:${shared}:`,
        RABBITMQ_QUEUE: `e2e.sessions.${shared}`,
      };
      const [a, b] = [await start(env), await start(env)];
      try {
        const user = await registerUser(a, 'roamer');
        expect((await me(b, user.accessToken)).status).toBe(200);
        const tabOnB = await connectSocket(b, user.accessToken);
        const started = Date.now();
        expect((await a.api('POST', '/api/auth/logout', { token: user.accessToken, body: {} })).status).toBe(200);
        const took = await endedWithin(tabOnB, 'logout', started);
        console.log(`[security] a socket on the other process dropped ${took} ms after logout`);
        expect((await me(b, user.accessToken)).status).toBe(401);

        // A process started afterwards knows of the ended session from the store.
        const c = await start(env);
        try {
          expect((await me(c, user.accessToken)).status).toBe(401);
        } finally {
          await c.stop();
        }
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    });
  });
};
