import { describe, expect, it } from 'vitest';
import { AuthSession, LOGIN_KEY, readStoredLogin } from '../../client/src/auth-session.js';
import { memoryStorage, type KeyValueStorage } from '../../client/src/key-value-storage.js';
import type { SessionEndReason, UserView } from '../../client/src/public-types.js';
import { RestClient } from '../../client/src/rest-client.js';
import { eventually } from '../support/eventually.js';
import { FakeAuthServer } from './support/fake-auth-server.js';

const USER: UserView = {
  id: 'u'.repeat(24),
  username: 'someone',
  email: 'someone@example.com',
  isOnline: true,
  lastSeen: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

const setUp = async (options: { skewMs?: number; storage?: KeyValueStorage; lifetimeSeconds?: number } = {}) => {
  const server = new FakeAuthServer();
  if (options.lifetimeSeconds) server.lifetimeSeconds = options.lifetimeSeconds;
  const storage = options.storage ?? memoryStorage();
  const rest = new RestClient({ baseUrl: 'http://chat.test', fetch: server.fetch, timeoutMs: 5_000 });
  const ended: SessionEndReason[] = [];
  const clock = { skewMs: options.skewMs ?? 0 };
  const session = new AuthSession(
    { rest, storage, now: () => Date.now() + clock.skewMs, marginMs: 30_000, onEnded: (r) => ended.push(r) },
    USER,
    server.login(),
  );
  await session.save();
  rest.useTokens(session);
  return { server, storage, rest, session, ended, clock };
};

describe('the login session', () => {
  it('renews a token that is due once for many callers at the same moment', async () => {
    const { server, rest, session, clock } = await setUp();
    let open!: () => void;
    server.gate = new Promise((resolve) => (open = resolve));
    clock.skewMs = 3_600_000; // the token is long due by the client's clock
    const calls = Array.from({ length: 10 }, () => rest.call('GET', '/api/thing'));
    await eventually(async () => expect(server.refreshes).toHaveLength(1));
    open();
    await expect(Promise.all(calls)).resolves.toHaveLength(10);
    expect(server.refreshes).toEqual(['refresh-1']);
    session.dispose();
  });

  it('answers a 401 with one shared refresh and one retry per request', async () => {
    const { server, rest, session } = await setUp();
    server.expireAccessTokens();
    const results = await Promise.all(Array.from({ length: 10 }, () => rest.call('GET', '/api/thing')));
    expect(results).toEqual(Array(10).fill({ ok: true }));
    expect(server.refreshes).toEqual(['refresh-1']);
    expect(server.thingCalls).toBe(20);
    session.dispose();
  });

  it('stores every rotated refresh token, and uses the one another tab stored instead of its spent one', async () => {
    const { server, storage, session } = await setUp();
    // Another tab sharing the storage rotates the token first and stores the successor.
    const rotated = await server.fetch('http://chat.test/api/auth/refresh', {
      method: 'POST',
      body: JSON.stringify({ refreshToken: 'refresh-1' }),
    });
    const { data } = (await rotated.json()) as { data: { refreshToken: string } };
    await storage.set(LOGIN_KEY, JSON.stringify({ user: USER, refreshToken: data.refreshToken }));
    await session.refresh();
    expect(server.refreshes).toEqual(['refresh-1', 'refresh-2']);
    expect(session.ended).toBe(false);
    expect((await readStoredLogin(storage))?.refreshToken).toBe('refresh-3');
    session.dispose();
  });

  it('ends the login when the refresh token is refused, and forgets it', async () => {
    const { server, storage, session, ended } = await setUp();
    server.generation = 7; // the stored refresh token is spent
    await expect(session.refresh()).rejects.toMatchObject({ status: 401 });
    expect(ended).toEqual(['expired']);
    expect(await storage.get(LOGIN_KEY)).toBeNull();
    await expect(session.current()).rejects.toMatchObject({ status: 401 });
  });

  it('renews the token by itself before it expires', async () => {
    const { server, session } = await setUp({ lifetimeSeconds: 1 });
    await eventually(async () => expect(server.refreshes.length).toBeGreaterThanOrEqual(2), 5_000);
    expect(new Set(server.refreshes).size).toBe(server.refreshes.length);
    session.dispose();
  });
});
