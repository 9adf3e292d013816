import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ChatClient, memoryStorage, type ChatMessage } from '../../client/src/index.js';
import { startE2eApp } from '../e2e/support/start-e2e-app.js';
import { useE2eApp } from '../e2e/support/use-e2e-app.js';
import { eventually } from '../support/eventually.js';
import {
  connectNewUser,
  expectEachSeenOnce,
  expectSameAsServer,
  loginToken,
  serverHistory,
  watchClient,
  type ClientUnderTest,
} from './support/client-under-test.js';
import { startSwitchableRelay, type SwitchableRelay } from './support/switchable-relay.js';

const open: Array<{ close(): unknown }> = [];
afterAll(async () => {
  for (const thing of open) await thing.close();
});

const track = <T extends { close(): unknown }>(thing: T): T => {
  open.push(thing);
  return thing;
};

/** Each clientMessageId of `sent` is stored exactly once, in the order sent. */
const expectStoredOnceInOrder = async (reader: ClientUnderTest, conversationId: string, sent: ChatMessage[]) => {
  const history = await serverHistory(reader.baseUrl, reader, conversationId);
  const ids = sent.map((m) => m.clientMessageId);
  expect(history.map((m) => m.clientMessageId).filter((id) => ids.includes(id))).toEqual(ids);
};

describe('the client library when the server cannot be reached', () => {
  const app = useE2eApp(startE2eApp);
  let relay: SwitchableRelay;
  afterEach(() => relay?.restore());

  it('keeps sends made meanwhile and stores each once, in order, when the server is back', async () => {
    relay = track(await startSwitchableRelay(app().url));
    const alice = await connectNewUser(relay.url, 'alice');
    const bob = await connectNewUser(app().url, 'bob');
    open.push(alice.client, bob.client);
    const first = alice.client.send({ receiverId: bob.id }, 'before');
    await eventually(async () => expect(bob.seen).toHaveLength(1));
    const conversationId = bob.seen[0]!.conversationId;

    relay.down();
    await eventually(async () => expect(alice.client.connectionState).not.toBe('online'));
    const offline = ['one', 'two', 'three', 'four', 'five'].map((text, i) =>
      alice.client.send(i % 2 === 0 ? { receiverId: bob.id } : { conversationId }, text),
    );
    expect(alice.client.unsent().map((m) => m.content)).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(offline.every((m) => m.status === 'pending' && m.conversationId === conversationId)).toBe(true);
    await eventually(async () => expect(alice.failedRestSends.count).toBeGreaterThan(0));

    relay.restore();
    await eventually(async () => expect(alice.client.unsent()).toEqual([]), 30_000);
    await eventually(async () =>
      expect(bob.seen.map((m) => m.content)).toEqual(['before', 'one', 'two', 'three', 'four', 'five']),
    );
    await expectStoredOnceInOrder(bob, conversationId, [first, ...offline]);
    for (const cut of [alice, bob]) {
      await expectSameAsServer(cut, conversationId);
      expectEachSeenOnce(cut);
    }
    expect(alice.client.messages(conversationId).every((m) => m.status !== 'pending')).toBe(true);
  }, 60_000);

  it('stores a send whose acknowledgement was lost once, though the client sent it again', async () => {
    relay = track(await startSwitchableRelay(app().url));
    const carol = await connectNewUser(relay.url, 'carol', { sendTimeoutMs: 1_000, requestTimeoutMs: 3_000 });
    const dave = await connectNewUser(app().url, 'dave');
    open.push(carol.client, dave.client);

    relay.loseReplies();
    const sent = carol.client.send({ receiverId: dave.id }, 'did you get this?');
    // The server has it; carol has heard nothing back.
    await eventually(async () => expect(dave.seen.map((m) => m.content)).toEqual(['did you get this?']));
    const conversationId = dave.seen[0]!.conversationId;
    expect(carol.client.unsent().map((m) => m.key)).toEqual([sent.key]);

    relay.restore();
    await eventually(async () => expect(carol.client.unsent()).toEqual([]), 30_000);
    await expectStoredOnceInOrder(dave, conversationId, [sent]);
    for (const cut of [carol, dave]) {
      await expectSameAsServer(cut, conversationId);
      expectEachSeenOnce(cut);
    }
  }, 60_000);

  it('brings edits and deletions of messages it holds, made while it was away', async () => {
    relay = track(await startSwitchableRelay(app().url));
    const gina = await connectNewUser(app().url, 'gina');
    const hal = await connectNewUser(relay.url, 'hal');
    open.push(gina.client, hal.client);
    gina.client.send({ receiverId: hal.id }, 'one');
    gina.client.send({ receiverId: hal.id }, 'two');
    await eventually(async () => expect(hal.seen.map((m) => m.content)).toEqual(['one', 'two']));
    const conversationId = hal.seen[0]!.conversationId;
    hal.client.send({ conversationId }, 'three');
    await eventually(async () => expect(gina.seen.map((m) => m.content)).toEqual(['one', 'two', 'three']));
    const [one, two] = hal.client.messages(conversationId);
    await gina.client.markRead(conversationId);
    await eventually(async () => expect(hal.client.messages(conversationId)[2]?.status).toBe('read'));

    relay.down();
    await eventually(async () => expect(hal.client.connectionState).not.toBe('online'));
    const token = await loginToken(app().url, gina);
    expect(
      (await app().api('PUT', `/api/messages/${one!.id}`, { token, body: { content: 'one, edited' } })).status,
    ).toBe(200);
    expect((await app().api('DELETE', `/api/messages/${two!.id}`, { token })).status).toBe(200);

    relay.restore();
    await eventually(async () =>
      expect(
        hal.client
          .messages(conversationId)
          .map((m) => ({ content: m.content, deleted: m.isDeleted, status: m.status })),
      ).toEqual([
        { content: 'one, edited', deleted: false, status: 'delivered' },
        { content: '', deleted: true, status: 'delivered' },
        { content: 'three', deleted: false, status: 'read' },
      ]),
    );
    await expectSameAsServer(hal, conversationId);
    expectEachSeenOnce(hal);
  }, 60_000);

  it('keeps unsent messages across a reload, even one made offline, and sends them from the next page', async () => {
    relay = track(await startSwitchableRelay(app().url));
    const erin = await connectNewUser(app().url, 'erin');
    open.push(erin.client);
    const storage = memoryStorage();
    const before = watchClient(relay.url, { storage });
    const frank = await before.client.register({
      username: `frank_${Date.now().toString(36)}`,
      email: `frank_${Date.now().toString(36)}@example.com`,
      password: 'a-long-enough-password',
    });
    await eventually(async () => expect(before.client.connectionState).toBe('online'));
    relay.down();
    const queued = [
      before.client.send({ receiverId: erin.id }, 'queued 1'),
      before.client.send({ receiverId: erin.id }, 'queued 2'),
    ];
    before.client.close(); // the page goes away with both unsent

    // The next page opens while the server is still out of reach: the login and the outbox come back from storage.
    const after = watchClient(relay.url, { storage });
    open.push(after.client);
    expect((await after.client.resume())?.id).toBe(frank.id);
    expect(after.seen.filter((m) => m.status === 'pending').map((m) => m.key)).toEqual(queued.map((m) => m.key));
    expect(after.client.connectionState).not.toBe('online');
    relay.restore();
    await eventually(async () => expect(after.client.unsent()).toEqual([]), 30_000);
    await eventually(async () => expect(erin.seen.map((m) => m.content)).toEqual(['queued 1', 'queued 2']));
    const conversationId = erin.seen[0]!.conversationId;
    await expectStoredOnceInOrder(erin, conversationId, queued);
    await expectSameAsServer(erin, conversationId);
    expectEachSeenOnce(erin);
    expect(new ChatClient({ baseUrl: relay.url }).user).toBeNull();
  }, 60_000);
});
