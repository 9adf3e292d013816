import { createAdapter } from '@socket.io/redis-adapter';
import { randomBytes } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSocketServer, type ChatServer } from '../../../src/adapters/realtime/create-socket-server.js';
import { conversationRoom } from '../../../src/adapters/realtime/rooms.js';
import { SocketIoNotifier } from '../../../src/adapters/realtime/socket-io-notifier.js';
import type { MessageEventPayload } from '../../../src/ports/realtime-events.js';
import { useService } from '../../support/services/use-service.js';
import { buildSystem, type ChatClient, type TestSystem } from './build-system.js';
import { collect, eventually, nextEvent, sleep } from './client-events.js';

const payloadFor = (receiverId: string): MessageEventPayload => ({
  message: {
    id: 'a'.repeat(24),
    seq: 1,
    conversationId: 'b'.repeat(24),
    senderId: 'c'.repeat(24),
    receiverId,
    content: 'hi',
    messageType: 'text',
    clientMessageId: null,
    isDeleted: false,
    createdAt: new Date().toISOString(),
    deliveredAt: null,
    readAt: null,
    deletedAt: null,
    editedAt: null,
    reactions: [],
  },
  conversation: {
    id: 'b'.repeat(24),
    kind: 'direct',
    participants: ['c'.repeat(24), receiverId],
    title: null,
    ownerId: null,
    lastMessage: null,
    lastActivityAt: new Date().toISOString(),
    createdAt: new Date().toISOString(),
  },
  cursor: `${'b'.repeat(24)}:1`,
});

const CONVERSATION_ID = 'b'.repeat(24);

/**
 * Bob's three tabs: `answered` (the connection a reply answered), `viewing`
 * (joined the conversation) and `elsewhere`; emits `user_typing` with both
 * exclusions, then a barrier event to all three. Events to one socket keep
 * their order, so once every tab has the barrier each has all it will get.
 */
const typingAfterExclusions = async (system: TestSystem, notifier: SocketIoNotifier, username: string) => {
  const bob = await system.register(username);
  const tabs = {
    answered: await system.connect(bob),
    viewing: await system.connect(bob),
    elsewhere: await system.connect(bob),
  };
  system.io.in(tabs.viewing.id!).socketsJoin(conversationRoom(CONVERSATION_ID));
  const typing = {
    answered: collect(tabs.answered, 'user_typing'),
    viewing: collect(tabs.viewing, 'user_typing'),
    elsewhere: collect(tabs.elsewhere, 'user_typing'),
  };
  const event = (isTyping: boolean) => ({ conversationId: CONVERSATION_ID, userId: bob.id, isTyping });

  notifier.toUser(bob.id, 'user_typing', event(true), {
    exceptConnection: tabs.answered.id!,
    exceptViewersOf: CONVERSATION_ID,
  });
  notifier.toUser(bob.id, 'user_typing', event(false));
  await eventually(() => Object.values(typing).every((events) => events.some((e) => !e.isTyping)));
  return Object.fromEntries(Object.entries(typing).map(([name, events]) => [name, events.map((e) => e.isTyping)]));
};

const acknowledging = (client: ChatClient): ChatClient =>
  client.on('message_received', (_payload, ack) => ack?.({ received: true }));

describe('SocketIoNotifier', () => {
  let system: TestSystem;
  afterEach(async () => {
    await system.close();
  });

  it('reaches every socket of the user and calls onAcknowledged once when one of them acknowledges', async () => {
    system = await buildSystem();
    const bob = await system.register('bob');
    const [ackingTab, silentTab] = [acknowledging(await system.connect(bob)), await system.connect(bob)];
    const silentReceived = collect(silentTab, 'message_received');
    const notifier = new SocketIoNotifier(system.io, { receiptTimeoutMs: 200 });
    let acknowledgements = 0;

    const received = nextEvent(ackingTab, 'message_received');
    notifier.toUserWithReceipt(bob.id, 'message_received', payloadFor(bob.id), () => (acknowledgements += 1));

    expect((await received).message.receiverId).toBe(bob.id);
    await eventually(() => acknowledgements === 1 && silentReceived.length === 1);
    await sleep(300); // past the receipt timeout: no second acknowledgement comes
    expect(acknowledgements).toBe(1);
    expect(silentReceived).toHaveLength(1);
  });

  it('never calls onAcknowledged for a user without sockets, nor for sockets that do not acknowledge', async () => {
    system = await buildSystem();
    const [alice, bob] = [await system.register('alice'), await system.register('bob')];
    const silent = await system.connect(bob);
    silent.on('message_received', () => undefined);
    const notifier = new SocketIoNotifier(system.io, { receiptTimeoutMs: 100 });
    let acknowledgements = 0;

    notifier.toUserWithReceipt(alice.id, 'message_received', payloadFor(alice.id), () => (acknowledgements += 1));
    notifier.toUserWithReceipt(bob.id, 'message_received', payloadFor(bob.id), () => (acknowledgements += 1));

    await sleep(300);
    expect(acknowledgements).toBe(0);
  });

  it('skips the excluded connection and the sockets viewing the excluded conversation', async () => {
    system = await buildSystem();
    const notifier = new SocketIoNotifier(system.io, { receiptTimeoutMs: 100 });

    expect(await typingAfterExclusions(system, notifier, 'bob')).toEqual({
      answered: [false],
      viewing: [false],
      elsewhere: [true, false],
    });
  });

  it('only reaches the addressed user', async () => {
    system = await buildSystem();
    const [alice, bob] = [await system.register('alice'), await system.register('bob')];
    const aliceEvents = collect(await system.connect(alice), 'user_typing');
    const bobClient = await system.connect(bob);
    const notifier = new SocketIoNotifier(system.io, { receiptTimeoutMs: 100 });

    const typing = nextEvent(bobClient, 'user_typing');
    notifier.toUser(bob.id, 'user_typing', { conversationId: 'b'.repeat(24), userId: alice.id, isTyping: true });

    expect((await typing).isTyping).toBe(true);
    await sleep(50);
    expect(aliceEvents).toEqual([]);
  });
});

const redis = useService('redis');

describe.skipIf(redis.skip)('SocketIoNotifier across processes (Redis adapter)', () => {
  const key = `socket.io-test-${randomBytes(4).toString('hex')}`;
  const redisClients: RedisClientType[] = [];
  const redisAdapter = async () => {
    const pub = createClient({ url: redis.url });
    const sub = pub.duplicate();
    redisClients.push(pub, sub);
    await Promise.all([pub.connect(), sub.connect()]);
    return createAdapter(pub, sub, { key, requestsTimeout: 1_000 });
  };
  let system: TestSystem;
  let worker: ChatServer;

  beforeAll(async () => {
    const apiAdapter = await redisAdapter();
    system = await buildSystem({ configureServer: (io) => io.adapter(apiAdapter) });
    worker = createSocketServer(undefined, { corsOrigins: '*' });
    worker.adapter(await redisAdapter());
  });

  afterAll(async () => {
    await system?.close();
    await new Promise<void>((resolve) => (worker ? void worker.close(() => resolve()) : resolve()));
    await Promise.all(redisClients.map((client) => client.close().catch(() => undefined)));
  });

  it('lets a detached server (a worker) reach sockets of another process and collect their receipts', async () => {
    const bob = await system.register('bob');
    const bobClient = acknowledging(await system.connect(bob));
    const notifier = new SocketIoNotifier(worker, { receiptTimeoutMs: 2_000 });
    let acknowledgements = 0;

    const received = nextEvent(bobClient, 'message_received');
    const typing = nextEvent(bobClient, 'user_typing');
    notifier.toUserWithReceipt(bob.id, 'message_received', payloadFor(bob.id), () => (acknowledgements += 1));
    notifier.toUser(bob.id, 'user_typing', { conversationId: 'b'.repeat(24), userId: bob.id, isTyping: false });

    expect((await received).message.receiverId).toBe(bob.id);
    expect((await typing).isTyping).toBe(false);
    await eventually(() => acknowledgements === 1);
  });

  it('lets a detached server skip sockets of another process by connection and by the conversation they view', async () => {
    const notifier = new SocketIoNotifier(worker, { receiptTimeoutMs: 2_000 });

    expect(await typingAfterExclusions(system, notifier, 'carol')).toEqual({
      answered: [false],
      viewing: [false],
      elsewhere: [true, false],
    });
  });
});
