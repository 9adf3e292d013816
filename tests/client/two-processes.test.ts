import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../client/src/index.js';
import { AppProcess } from '../chaos/support/app-process.js';
import { appProcessEnv } from '../chaos/support/chaos-cluster.js';
import { listConversationIds } from '../chaos/support/stored-history.js';
import { eventually } from '../support/eventually.js';
import { freePort } from '../support/services/free-port.js';
import { useService } from '../support/services/use-service.js';
import {
  connectNewUser,
  expectEachSeenOnce,
  expectSameAsServer,
  loginToken,
  serverHistory,
  type ClientUnderTest,
} from './support/client-under-test.js';

const mongo = useService('mongo');
const redis = useService('redis');
const rabbitmq = useService('rabbitmq');
const skip = mongo.skip || redis.skip || rabbitmq.skip;

/** Each client writes this many messages to each other client in each of the three waves. */
const PER_PARTNER_PER_WAVE = 2;

const appEnv = (id: string): Record<string, string> =>
  appProcessEnv(
    { mongo: mongo.url!, redis: redis.url!, rabbitmq: rabbitmq.url! },
    { MONGODB_DB: `client_${id}`, REDIS_KEY_PREFIX: `client:${id}:`, RABBITMQ_QUEUE: `client.${id}` },
  );

/*
 * Two app processes on real MongoDB, Redis and RabbitMQ, four clients (two
 * on each process) writing to each other in bursts; process A is killed in
 * the middle and started again. Everything the application sent must be
 * stored exactly once, in send order per partner, and every client must hold
 * exactly the stored history of each of its conversations.
 */
describe.skipIf(skip)('the client library against two processes, one killed during a burst', () => {
  const id = randomBytes(4).toString('hex');
  let a: AppProcess;
  let b: AppProcess;
  const clients: ClientUnderTest[] = [];
  /** What the application sent, per sender, in order. */
  const sent = new Map<string, ChatMessage[]>();

  beforeAll(async () => {
    const env = appEnv(id);
    a = new AppProcess('A', await freePort(), env);
    b = new AppProcess('B', await freePort(), env);
    await Promise.all([a.start(), b.start()]);
    for (const [i, home] of [a, b, a, b].entries()) clients.push(await connectNewUser(home.url, `burst${i}`));
  }, 180_000);

  afterAll(async () => {
    for (const { client } of clients) client.close();
    await Promise.all([a?.kill(), b?.kill()]);
    if (!mongo.url) return;
    const client = await MongoClient.connect(mongo.url);
    await client.db(`client_${id}`).dropDatabase();
    await client.close();
  });

  const wave = (round: number): void => {
    for (let n = 0; n < PER_PARTNER_PER_WAVE; n += 1) {
      for (const sender of clients) {
        for (const receiver of clients.filter((c) => c !== sender)) {
          const message = sender.client.send({ receiverId: receiver.id }, `wave ${round} #${n} to ${receiver.id}`);
          sent.set(sender.id, [...(sent.get(sender.id) ?? []), message]);
        }
      }
    }
  };

  const unsent = () => clients.reduce((sum, { client }) => sum + client.unsent().length, 0);

  it('stores every message once and gives every client exactly the stored history', async () => {
    const total = 3 * clients.length * (clients.length - 1) * PER_PARTNER_PER_WAVE;
    wave(1);
    await eventually(async () => expect(unsent()).toBeLessThan(total / 3 - 4), 30_000, 20);
    const unsentAtKill = unsent();
    await a.kill();
    wave(2);
    await a.start();
    wave(3);
    await eventually(async () => expect(unsent()).toBe(0), 120_000, 200);
    expect([...a.crashes, ...b.crashes]).toEqual([]);
    console.log(`[client burst] ${total} sent; ${unsentAtKill} of wave 1 unacknowledged when A was killed`);

    const stored = new Map<string, string[]>();
    /** Each conversation, with a participant who may read it. */
    const conversationIds = new Map<string, ClientUnderTest>();
    for (const cut of clients) {
      for (const conversationId of await listConversationIds(b.url, await loginToken(b.url, cut))) {
        conversationIds.set(conversationId, cut);
      }
    }
    for (const [conversationId, participant] of conversationIds) {
      for (const message of await serverHistory(b.url, participant, conversationId)) {
        if (message.clientMessageId === null) continue;
        const key = `${message.senderId}/${message.clientMessageId}`;
        stored.set(key, [...(stored.get(key) ?? []), message.id]);
      }
    }
    expect(conversationIds.size).toBe((clients.length * (clients.length - 1)) / 2);
    const sentKeys = [...sent].flatMap(([senderId, messages]) => messages.map((m) => `${senderId}/${m.key}`));
    expect(sentKeys).toHaveLength(total);
    expect([...stored.keys()].sort()).toEqual([...sentKeys].sort());
    expect([...stored].filter(([, ids]) => ids.length !== 1)).toEqual([]);

    for (const cut of clients) {
      for (const conversationId of cut.client.conversations().map((c) => c.id)) {
        await expectSameAsServer(cut, conversationId, 30_000);
        // One partner per conversation: the sender's messages are stored in the order it sent them.
        const mine = cut.client.messages(conversationId).filter((m) => m.mine);
        const order = (sent.get(cut.id) ?? []).filter((m) => mine.some((s) => s.key === m.key));
        expect(mine.map((m) => m.key)).toEqual(order.map((m) => m.key));
      }
      expect(cut.client.conversations()).toHaveLength(clients.length - 1);
      expectEachSeenOnce(cut);
    }
  }, 300_000);
});
