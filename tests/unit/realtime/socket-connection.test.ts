import { afterEach, describe, expect, it } from 'vitest';
import { userRoom } from '../../../src/adapters/realtime/rooms.js';
import { buildSystem, type TestSystem } from './build-system.js';
import { collect, connectError, eventually, nextEvent, sleep } from './client-events.js';

describe('socket connection', () => {
  let system: TestSystem;
  afterEach(async () => {
    await system.close();
  });

  it('refuses a handshake without a token with connect_error "unauthorized"', async () => {
    system = await buildSystem();
    const error = await connectError(system.client());
    expect(error.message).toBe('unauthorized');
    expect(error.data).toEqual({ code: 'UNAUTHORIZED' });
  });

  it('refuses a malformed or tampered token', async () => {
    system = await buildSystem();
    const alice = await system.register('alice');
    const tampered = `${alice.accessToken.slice(0, -2)}xx`;
    for (const token of ['not-a-jwt', tampered]) {
      expect((await connectError(system.client({ token }))).message).toBe('unauthorized');
    }
  });

  it('refuses a valid token whose login session has ended', async () => {
    system = await buildSystem();
    const alice = await system.register('alice');
    await system.revocations.end(await system.sessions.revokeAllForUser(alice.id, system.clock.now()), 'logout');
    expect((await connectError(system.client({ token: alice.accessToken }))).message).toBe('unauthorized');
  });

  it('accepts the token from an Authorization: Bearer header and joins the user room', async () => {
    system = await buildSystem();
    const alice = await system.register('alice');
    const client = system.client({ headers: { Authorization: `Bearer ${alice.accessToken}` } });
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('connect_error', reject);
      client.connect();
    });
    const inRoom = await system.io.in(userRoom(alice.id)).fetchSockets();
    expect(inRoom.map((s) => s.id)).toEqual([client.id]);
    expect(inRoom[0]?.data.claims.userId).toBe(alice.id);
    await eventually(() => system.presence.isOnline(alice.id, system.clock.now()));
    expect(system.connectionCounts.at(-1)).toBe(1);
  });

  it('tells partners a user is online at the first socket and offline only when the last one closes', async () => {
    system = await buildSystem();
    const [alice, bob] = [await system.register('alice'), await system.register('bob')];
    await system.conversationOf(alice, bob);
    const bobClient = await system.connect(bob);
    const online = collect(bobClient, 'user_online');
    const offline = collect(bobClient, 'user_offline');

    const firstTab = await system.connect(alice);
    const secondTab = await system.connect(alice);
    await eventually(() => online.length === 1);
    firstTab.disconnect();
    await eventually(() => system.connectionCounts.at(-1) === 2);
    await sleep(100);
    expect(offline).toEqual([]);
    expect(await system.presence.isOnline(alice.id, system.clock.now())).toBe(true);

    secondTab.disconnect();
    const wentOffline = await nextEvent(bobClient, 'user_offline');
    expect(wentOffline.userId).toBe(alice.id);
    expect(online).toHaveLength(1);
    expect(online[0]).toMatchObject({ userId: alice.id, username: 'alice' });
    expect(await system.presence.isOnline(alice.id, system.clock.now())).toBe(false);
    expect((await system.users.findById(alice.id))?.lastSeen?.toISOString()).toBe(wentOffline.lastSeen);
  });

  it("keeps this process's connections online with the presence heartbeat", async () => {
    system = await buildSystem({ presenceLeaseMs: 300, presenceHeartbeatMs: 100 });
    const alice = await system.register('alice');
    await system.connect(alice);
    await sleep(800);
    expect(await system.presence.isOnline(alice.id, system.clock.now())).toBe(true);
  });

  it('disconnects a socket when its access token expires, and releases its presence', async () => {
    system = await buildSystem({ accessTokenTtlSeconds: 2 });
    const alice = await system.register('alice');
    const client = await system.connect(alice);
    const errors = collect(client, 'error');
    const reason = await new Promise<string>((resolve) => client.once('disconnect', resolve));
    expect(reason).toBe('io server disconnect');
    expect(errors).toEqual([{ code: 'UNAUTHORIZED', message: 'token expired' }]);
    await eventually(async () => !(await system.presence.isOnline(alice.id, system.clock.now())));
    expect(system.connectionCounts.at(-1)).toBe(0);
  }, 10_000);

  it('close() disconnects every socket, releases presence and refuses new handshakes', async () => {
    system = await buildSystem();
    const [alice, bob] = [await system.register('alice'), await system.register('bob')];
    const clients = [await system.connect(alice), await system.connect(alice), await system.connect(bob)];
    const disconnected = clients.map((c) => new Promise<string>((resolve) => c.once('disconnect', resolve)));

    await system.handlers.close();

    expect(await Promise.all(disconnected)).toEqual(Array(3).fill('io server disconnect'));
    expect(await system.presence.countOnline(system.clock.now())).toBe(0);
    expect(system.connectionCounts.at(-1)).toBe(0);
    const refused = await connectError(system.client({ token: alice.accessToken }));
    expect(refused.data).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  });
});
