import { afterEach, describe, expect, it } from 'vitest';
import type { PresenceStore } from '../../../src/ports/presence-store.js';
import { buildSystem, type ChatClient, type TestSystem, type TestUser } from './build-system.js';
import { connectError, eventually } from './client-events.js';

/** A presence store whose admissions wait until `release`; `reached` resolves when the first one waits. */
const holdAdmissions = () => {
  let release = (): void => undefined;
  let reached = (): void => undefined;
  let admitted = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const wrap = (store: PresenceStore): PresenceStore =>
    new Proxy(store, {
      get: (target, property) => {
        if (property !== 'admit') return Reflect.get(target, property, target);
        return async (...args: Parameters<PresenceStore['admit']>) => {
          reached();
          await released;
          const admission = await target.admit(...args);
          admitted();
          return admission;
        };
      },
    });
  return {
    wrap,
    reached: new Promise<void>((resolve) => (reached = resolve)),
    /** Resolves once a held admission has added its lease. */
    admitted: new Promise<void>((resolve) => (admitted = resolve)),
    release: () => release(),
  };
};

/** `connected`, or the connect_error message. */
const outcomeOf = (client: ChatClient): Promise<string> =>
  new Promise((resolve) => {
    client.once('connect', () => resolve('connected'));
    client.once('connect_error', (error) => resolve(error.message));
    client.connect();
  });

describe('socket admission', () => {
  let system: TestSystem;
  afterEach(async () => {
    await system.close();
  });

  const isOnline = (user: TestUser) => system.presence.isOnline(user.id, system.clock.now());
  /** With SOCKETS_PER_USER 1: the user's one place is free (no lease left behind) once a socket connects. */
  const placeIsFree = (user: TestUser) =>
    eventually(async () => (await outcomeOf(system.client({ token: user.accessToken }))) === 'connected', 10_000);

  it('admits exactly SOCKETS_PER_USER of many sockets connecting at once', async () => {
    system = await buildSystem({ socketsPerUser: 3 });
    const alice = await system.register('alice');
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => outcomeOf(system.client({ token: alice.accessToken }))),
    );
    expect(outcomes.filter((outcome) => outcome === 'connected')).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome === 'too_many_connections')).toHaveLength(7);
  });

  it('releases the lease of a socket whose transport closed while it was being admitted', async () => {
    const held = holdAdmissions();
    system = await buildSystem({ socketsPerUser: 1, wrapPresence: held.wrap });
    const alice = await system.register('alice');
    const client = system.client({ token: alice.accessToken });
    client.connect();
    await held.reached;
    client.disconnect();
    await eventually(() => system.io.engine.clientsCount === 0);

    held.release();
    await held.admitted;
    await eventually(async () => !(await isOnline(alice)));
    await placeIsFree(alice);
  });

  it('releases the lease of a socket whose transport closed after its admission, before Socket.IO connected it', async () => {
    system = await buildSystem({ socketsPerUser: 1 });
    const alice = await system.register('alice');
    let dropped = false;
    // Runs after the handshake middleware: the socket holds its lease, and Socket.IO will drop it unconnected.
    system.io.use((socket, next) => {
      if (!dropped) {
        dropped = true;
        socket.conn.close();
      }
      next();
    });
    system.client({ token: alice.accessToken }).connect();
    await eventually(() => dropped && system.io.engine.clientsCount === 0);

    await placeIsFree(alice);
    expect(system.connectionCounts).toEqual([1]);
  });

  it('refuses and releases a socket admitted while the server closes', async () => {
    const held = holdAdmissions();
    system = await buildSystem({ wrapPresence: held.wrap });
    const alice = await system.register('alice');
    const refused = connectError(system.client({ token: alice.accessToken }));
    await held.reached;

    const closed = system.handlers.close();
    held.release();
    await closed;
    expect(await isOnline(alice)).toBe(false);
    expect((await refused).data).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('keeps neither the request, the headers nor the token of the handshake, and no state of an idle socket', async () => {
    system = await buildSystem();
    const alice = await system.register('alice');
    const client = system.client({ headers: { Authorization: `Bearer ${alice.accessToken}` } });
    expect(await outcomeOf(client)).toBe('connected');

    const [socket] = [...system.io.of('/').sockets.values()];
    expect(socket?.request).toBeNull();
    expect(socket?.handshake).toMatchObject({ headers: {}, query: {}, auth: {} });
    expect(Object.keys(socket?.data ?? {})).toEqual(['claims']);
    expect(socket?.data.claims.userId).toBe(alice.id);
  });
});
