import { describe, expect, it } from 'vitest';
import { eventually } from '../../support/eventually.js';
import { closeSocket, connectSocket, createSocket } from '../support/chat-socket.js';
import { fetchPublicUser, sendMessage } from '../support/chat-requests.js';
import { registerUser, type TestUser } from '../support/register-user.js';
import type { E2eApp, StartE2eApp } from '../support/start-e2e-app.js';
import { useDeployment, type DeploymentOptions } from '../support/use-deployment.js';
import { useE2eApp } from '../support/use-e2e-app.js';

const onlineCount = async (app: E2eApp, viewer: TestUser): Promise<number> => {
  const res = await app.api<{ onlineCount: number }>('GET', '/api/user/online-stats', { token: viewer.accessToken });
  expect(res.status).toBe(200);
  return res.body.data.onlineCount;
};

/** Long enough for an event that should not come to have arrived. */
const QUIET_MS = 400;

/** Connects a socket: `connected`, or the connect_error message when it is refused. */
const tryToConnect = async (app: E2eApp, token: string) => {
  const socket = createSocket(app, { token });
  const outcome = await new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
    socket.connect();
  });
  return { socket, outcome };
};

const connectedOf = (tries: ReadonlyArray<{ outcome: string }>): number =>
  tries.filter(({ outcome }) => outcome === 'connected').length;

export const describePresenceScenarios = (
  start: StartE2eApp,
  options: DeploymentOptions = { twoProcesses: false },
): void => {
  describe('presence across tabs', () => {
    const app = useE2eApp(start);

    it('announces a user online with the first tab and offline with the last, to conversation partners only', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const carol = await registerUser(app(), 'carol');
      await sendMessage(app(), alice, bob, 'hi');
      const aliceClient = await connectSocket(app(), alice.accessToken);
      const carolClient = await connectSocket(app(), carol.accessToken);
      const baseline = await onlineCount(app(), alice);
      const aboutBob = (p: { userId: string }) => p.userId === bob.id;

      const firstTab = await connectSocket(app(), bob.accessToken);
      const online = await aliceClient.events.take('user_online', aboutBob);
      expect(online).toMatchObject({ userId: bob.id, username: bob.username });
      const secondTab = await connectSocket(app(), bob.accessToken);
      await aliceClient.events.expectNone('user_online', QUIET_MS, (p) => p !== online && aboutBob(p));
      expect(aliceClient.events.all('user_online', aboutBob)).toHaveLength(1);
      expect(await onlineCount(app(), alice)).toBe(baseline + 1);
      expect((await fetchPublicUser(app(), alice, bob)).isOnline).toBe(true);

      await closeSocket(app(), firstTab);
      await aliceClient.events.expectNone('user_offline', QUIET_MS, aboutBob);
      expect(await onlineCount(app(), alice)).toBe(baseline + 1);

      await closeSocket(app(), secondTab);
      const offline = await aliceClient.events.take('user_offline', aboutBob);
      const seen = await fetchPublicUser(app(), alice, bob);
      expect(seen).toMatchObject({ isOnline: false, lastSeen: offline.lastSeen });
      expect(await onlineCount(app(), alice)).toBe(baseline);

      expect(carolClient.events.all('user_online', aboutBob)).toEqual([]);
      expect(carolClient.events.all('user_offline', aboutBob)).toEqual([]);
    });
  });

  const where = options.twoProcesses ? ' (two processes)' : '';
  describe(`presence of conversations made while online${where}`, () => {
    const deployment = useDeployment(start, options, { SOCKETS_PER_USER: '5' });

    it('tells a partner made on another process while the user was online that they went offline, and online again', async () => {
      const [a, b] = deployment();
      const alice = await registerUser(a, 'roamer');
      const bob = await registerUser(a, 'newcomer');
      const aboutAlice = (p: { userId: string }) => p.userId === alice.id;
      const aliceTab = await connectSocket(b, alice.accessToken);
      const bobTab = await connectSocket(a, bob.accessToken);
      // Their first conversation, made by the process alice is not on, after she came online.
      await sendMessage(a, bob, alice, 'nice to meet you');

      await closeSocket(b, aliceTab);
      expect(await bobTab.events.take('user_offline', aboutAlice)).toMatchObject({ userId: alice.id });
      await connectSocket(b, alice.accessToken);
      expect(await bobTab.events.take('user_online', aboutAlice)).toMatchObject({ userId: alice.id });
    });

    it('admits exactly SOCKETS_PER_USER of many sockets racing to connect, and frees their places when they close', async () => {
      const [a, b] = deployment();
      const alice = await registerUser(a, 'racer');
      const race = () =>
        Promise.all(Array.from({ length: 12 }, (_, i) => tryToConnect(i % 2 === 0 ? a : b, alice.accessToken)));
      const first = await race();
      expect(connectedOf(first)).toBe(5);
      expect(first.filter(({ outcome }) => outcome === 'too_many_connections')).toHaveLength(7);

      for (const { socket } of first) socket.disconnect();
      await eventually(async () => expect((await fetchPublicUser(a, alice, alice)).isOnline).toBe(false));
      expect(connectedOf(await race())).toBe(5);
    });
  });
};
