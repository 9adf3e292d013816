import { randomBytes } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/bootstrap/app.js';
import type { MessageView } from '../../src/domain/message.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/ports/realtime-events.js';
import { testConfig } from '../support/build-core.js';
import { eventually } from '../support/eventually.js';
import { redisLauncher } from '../support/services/redis.js';
import type { LocalServer } from '../support/services/service-launcher.js';
import { useService } from '../support/services/use-service.js';

const mongo = useService('mongo');
const unavailable = await redisLauncher.unavailableReason();
if (unavailable && process.env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1 but ${unavailable}`);
if (unavailable) console.warn(`[skipped] socket fan-out resync: ${unavailable}`);

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
interface Registered {
  user: { id: string };
  accessToken: string;
}

// A dedicated Redis (this test stops it) shared by two app processes; Mongo is the shared one.
describe.skipIf(mongo.skip || unavailable !== null)('a receiver connected through a Redis restart', () => {
  const suffix = randomBytes(4).toString('hex');
  let redis: LocalServer;
  let apps: RunningApp[] = [];
  const sockets: ClientSocket[] = [];

  const post = async (app: RunningApp, path: string, body: unknown, token?: string) => {
    const response = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { data: any } };
  };
  const register = async (app: RunningApp, name: string): Promise<Registered> =>
    (
      await post(app, '/api/auth/register', {
        username: `${name}_${suffix}`,
        email: `${name}_${suffix}@example.com`,
        password: 'password123',
      })
    ).body.data;
  const history = async (app: RunningApp, token: string, conversationId: string, after: number) => {
    const response = await fetch(`${app.url}/api/conversations/${conversationId}/messages?after=${after}&limit=100`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await response.json()) as { data: { messages: MessageView[] } }).data.messages;
  };

  beforeAll(async () => {
    redis = await redisLauncher.launch();
    const config = testConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      ROLES: 'api',
      MONGODB_URI: mongo.url!,
      MONGODB_DB: `resync_${suffix}`,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: `resync:${suffix}:`,
    });
    apps = [await startApp(config), await startApp(config)];
  }, 120_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.allSettled(apps.map((app) => app.stop()));
    await redis?.stop();
  });

  it('is told to resync and then catches up, by position, every message it missed live', async () => {
    const [a, b] = apps as [RunningApp, RunningApp];
    const alice = await register(b, 'alice');
    const bob = await register(a, 'bob');
    const bobSocket: ClientSocket = connect(a.url, { auth: { token: bob.accessToken }, transports: ['websocket'] });
    sockets.push(bobSocket);
    const live = new Map<string, MessageView>();
    const resyncs: string[] = [];
    bobSocket.on('message_received', ({ message }) => live.set(message.id, message));
    bobSocket.on('resync', ({ reason }) => resyncs.push(reason));
    await eventually(async () => expect(bobSocket.connected).toBe(true));

    const send = async (content: string) => {
      const sent = await post(b, '/api/messages/send', { receiverId: bob.user.id, content }, alice.accessToken);
      expect(sent.status).toBe(201);
      return sent.body.data.message as MessageView;
    };
    const first = await send('before the restart');
    await eventually(async () => expect(live.has(first.id)).toBe(true));
    const lastSeen = first.seq;

    await redis.stop();
    const during = [await send('while redis is away 1'), await send('while redis is away 2')];
    await redis.start();

    await eventually(async () => expect(resyncs).toContain('fan_out_restored'), 30_000);
    expect(new Set(resyncs)).toEqual(new Set(['fan_out_restored']));
    expect(bobSocket.connected).toBe(true);
    const caughtUp = await history(a, bob.accessToken, first.conversationId, lastSeen);
    const seen = new Map([...live, ...caughtUp.map((message) => [message.id, message] as const)]);
    const stored = await history(b, alice.accessToken, first.conversationId, 0);
    expect([...seen.values()].map((message) => message.seq).sort((x, y) => x - y)).toEqual(
      stored.map((message) => message.seq),
    );
    expect(stored.map((message) => message.id)).toEqual([first.id, ...during.map((message) => message.id)]);
    expect(stored.map((message) => message.seq)).toEqual([1, 2, 3]);
  }, 120_000);
});
