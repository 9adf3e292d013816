import { describe, expect, it } from 'vitest';
import type { ConversationView } from '../../../src/domain/conversation.js';
import type { MessageView } from '../../../src/domain/message.js';
import { acknowledgeReceipts, closeSocket, connectSocket, type TestClient } from '../support/chat-socket.js';
import { fetchConversations, fetchHistory, fetchUnread, sendMessage } from '../support/chat-requests.js';
import { registerUser, type TestUser } from '../support/register-user.js';
import type { E2eApp, StartE2eApp } from '../support/start-e2e-app.js';
import { useE2eApp } from '../support/use-e2e-app.js';

const createGroup = async (app: E2eApp, owner: TestUser, others: TestUser[], title: string) => {
  const res = await app.api<{ conversation: ConversationView }>('POST', '/api/conversations', {
    token: owner.accessToken,
    body: { participantIds: others.map((user) => user.id), title },
  });
  expect([res.status, res.text]).toEqual([201, expect.any(String)]);
  return res.body.data.conversation;
};

const sendToGroup = async (app: E2eApp, from: TestUser, conversationId: string, content: string) => {
  const res = await app.api<{ message: MessageView }>('POST', '/api/messages/send', {
    token: from.accessToken,
    body: { conversationId, content },
  });
  expect(res.status).toBe(201);
  return res.body.data.message;
};

const members = (
  app: E2eApp,
  user: TestUser,
  conversationId: string,
  method: 'POST' | 'DELETE',
  path = '',
  body?: object,
) =>
  app.api(method, `/api/conversations/${conversationId}/members${path}`, {
    token: user.accessToken,
    ...(body ? { body } : {}),
  });

const registerAll = <N extends string[]>(app: E2eApp, ...names: N) =>
  Promise.all(names.map((name) => registerUser(app, name))) as Promise<{ [K in keyof N]: TestUser }>;

const contentsOf = (history: { messages: MessageView[] }) => history.messages.map((message) => message.content);

export const describeGroupScenarios = (start: StartE2eApp): void => {
  describe('group conversations', () => {
    const app = useE2eApp(start);
    const connected = async (user: TestUser): Promise<TestClient> => {
      const client = await connectSocket(app(), user.accessToken);
      acknowledgeReceipts(client);
      return client;
    };
    const connectAll = <U extends TestUser[]>(...users: U) =>
      Promise.all(users.map(connected)) as Promise<{ [K in keyof U]: TestClient }>;

    it('lets three members chat, and the receipts say who received and who read', async () => {
      const [alice, bob, carol] = await registerAll(app(), 'alice', 'bob', 'carol');
      const [aliceClient, bobClient, carolClient] = await connectAll(alice, bob, carol);
      const group = await createGroup(app(), alice, [bob, carol], 'Weekend plans');
      expect(group).toMatchObject({ kind: 'group', title: 'Weekend plans', ownerId: alice.id });
      expect([...group.participants].sort()).toEqual([alice.id, bob.id, carol.id].sort());
      for (const client of [aliceClient, bobClient, carolClient]) {
        expect((await client.events.take('conversation_created')).conversation.id).toBe(group.id);
      }

      const first = await sendToGroup(app(), alice, group.id, 'Hiking on Saturday?');
      expect(first.receiverId).toBeNull();
      for (const client of [bobClient, carolClient]) {
        expect((await client.events.take('message_received')).message.id).toBe(first.id);
      }
      const deliveredTo = new Set<string>();
      for (let i = 0; i < 2; i += 1) {
        deliveredTo.add((await aliceClient.events.take('message_delivered', (e) => e.messageId === first.id)).userId);
      }
      expect(deliveredTo).toEqual(new Set([bob.id, carol.id]));

      const reply = await bobClient.socket
        .timeout(5_000)
        .emitWithAck('send_message', { conversationId: group.id, content: 'Count me in' });
      expect(reply).toMatchObject({ ok: true });
      expect((await carolClient.events.take('message_received')).message.content).toBe('Count me in');
      expect((await aliceClient.events.take('message_received')).message.content).toBe('Count me in');

      expect((await fetchUnread(app(), carol)).unreadCount).toBe(2);
      const read = await app().api('PUT', `/api/conversations/${group.id}/mark-read`, { token: carol.accessToken });
      expect([read.status, read.body.data]).toEqual([200, { markedCount: 2 }]);
      for (const client of [aliceClient, bobClient]) {
        expect(await client.events.take('message_read')).toMatchObject({
          conversationId: group.id,
          readerId: carol.id,
        });
      }
      expect((await fetchUnread(app(), carol)).unreadCount).toBe(0);
      expect((await fetchUnread(app(), alice)).unreadCount).toBe(1);
      const [summary] = (await fetchConversations(app(), alice)).filter((c) => c.id === group.id);
      expect(summary).toMatchObject({ kind: 'group', title: 'Weekend plans', unreadCount: 1, otherParticipant: null });
      await Promise.all([aliceClient, bobClient, carolClient].map((client) => closeSocket(app(), client)));
    });

    it('shows a member added later only the history from when they joined', async () => {
      const [alice, bob, carol, dave] = await registerAll(app(), 'alice', 'bob', 'carol', 'dave');
      const group = await createGroup(app(), alice, [bob, carol], 'Book club');
      await sendToGroup(app(), alice, group.id, 'before dave');
      const daveClient = await connected(dave);

      const added = await members(app(), alice, group.id, 'POST', '', { userIds: [dave.id, bob.id] });
      expect([added.status, added.body.data.added]).toEqual([200, [dave.id]]);
      const again = await members(app(), alice, group.id, 'POST', '', { userIds: [dave.id] });
      expect(again.body.data.added).toEqual([]);
      expect(await daveClient.events.take('member_added')).toMatchObject({ userId: dave.id, addedBy: alice.id });

      expect(contentsOf(await fetchHistory(app(), dave, group.id))).toEqual([]);
      await sendToGroup(app(), carol, group.id, 'welcome dave');
      expect((await daveClient.events.take('message_received')).message.content).toBe('welcome dave');
      expect(contentsOf(await fetchHistory(app(), dave, group.id))).toEqual(['welcome dave']);
      expect(contentsOf(await fetchHistory(app(), bob, group.id))).toEqual(['before dave', 'welcome dave']);
      expect((await fetchUnread(app(), dave)).unreadCount).toBe(1);
      await closeSocket(app(), daveClient);
    });

    it('stops a member who left from receiving, seeing or sending, and hands ownership on', async () => {
      const [alice, bob, carol] = await registerAll(app(), 'alice', 'bob', 'carol');
      const group = await createGroup(app(), alice, [bob, carol], 'Project');
      const [bobClient, carolClient] = await connectAll(bob, carol);

      const left = await members(app(), carol, group.id, 'DELETE', '/me');
      expect(left.status).toBe(200);
      expect(await carolClient.events.take('member_removed')).toMatchObject({ userId: carol.id, removedBy: carol.id });
      await sendToGroup(app(), alice, group.id, 'after carol left');
      // One sender's events reach a socket in order: had the group message gone to carol, it would come first.
      await sendMessage(app(), alice, carol, 'direct to carol');
      expect((await carolClient.events.take('message_received')).message.content).toBe('direct to carol');
      expect(carolClient.events.all('message_received')).toHaveLength(1);
      expect((await bobClient.events.take('message_received')).message.content).toBe('after carol left');

      for (const [method, path] of [
        ['GET', ''],
        ['GET', '/messages'],
        ['PUT', '/mark-read'],
      ] as const) {
        expect(
          (await app().api(method, `/api/conversations/${group.id}${path}`, { token: carol.accessToken })).status,
        ).toBe(404);
      }
      const send = await app().api('POST', '/api/messages/send', {
        token: carol.accessToken,
        body: { conversationId: group.id, content: 'still here?' },
      });
      expect(send.status).toBe(404);
      expect((await fetchConversations(app(), carol)).map((c) => c.id)).not.toContain(group.id);

      // The owner leaving hands the group to the longest-standing member left.
      expect((await members(app(), alice, group.id, 'DELETE', '/me')).status).toBe(200);
      const updated = await bobClient.events.take('conversation_updated');
      expect(updated.conversation).toMatchObject({ ownerId: bob.id, participants: [bob.id] });
      await Promise.all([bobClient, carolClient].map((client) => closeSocket(app(), client)));
    });

    it('lets only the owner rename, add and remove, and hides the group from outsiders entirely', async () => {
      const [alice, bob, carol, eve] = await registerAll(app(), 'alice', 'bob', 'carol', 'eve');
      const group = await createGroup(app(), alice, [bob, carol], 'Team');
      const rename = (user: TestUser) =>
        app().api('PUT', `/api/conversations/${group.id}`, { token: user.accessToken, body: { title: 'Renamed' } });
      expect((await rename(bob)).status).toBe(403);
      expect((await members(app(), bob, group.id, 'DELETE', `/${carol.id}`)).status).toBe(403);
      const renamed = await rename(alice);
      expect([renamed.status, renamed.body.data.conversation.title]).toEqual([200, 'Renamed']);

      const eveClient = await connectSocket(app(), eve.accessToken);
      const asEve = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: object) =>
        app().api(method, `/api/conversations/${group.id}${path}`, {
          token: eve.accessToken,
          ...(body ? { body } : {}),
        });
      expect((await asEve('GET', '')).status).toBe(404);
      expect((await asEve('GET', '/messages')).status).toBe(404);
      expect((await asEve('PUT', '/mark-read')).status).toBe(404);
      expect((await asEve('PUT', '/mute', {})).status).toBe(404);
      expect((await asEve('PUT', '', { title: 'mine now' })).status).toBe(404);
      expect((await asEve('POST', '/members', { userIds: [eve.id] })).status).toBe(404);
      expect((await asEve('DELETE', `/members/${bob.id}`)).status).toBe(404);
      expect((await asEve('DELETE', '/members/me')).status).toBe(404);
      const sent = await app().api('POST', '/api/messages/send', {
        token: eve.accessToken,
        body: { conversationId: group.id, content: 'hello?' },
      });
      expect(sent.status).toBe(404);
      for (const event of ['join_room', 'typing_start'] as const) {
        expect(await eveClient.socket.timeout(5_000).emitWithAck(event, { conversationId: group.id })).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND' },
        });
      }
      const removed = await members(app(), alice, group.id, 'DELETE', `/${carol.id}`);
      expect(removed.status).toBe(200);
      expect((await members(app(), alice, group.id, 'DELETE', `/${carol.id}`)).status).toBe(404);
      await closeSocket(app(), eveClient);
    });

    it('sends no notification to a member who muted the group, and to the others as before', async () => {
      const [alice, bob, carol] = await registerAll(app(), 'alice', 'bob', 'carol');
      const group = await createGroup(app(), alice, [bob, carol], 'Noisy');
      const [bobClient, carolClient] = await connectAll(bob, carol);
      const muted = await app().api('PUT', `/api/conversations/${group.id}/mute`, {
        token: carol.accessToken,
        body: {},
      });
      expect(muted.status).toBe(200);

      await sendToGroup(app(), alice, group.id, 'one');
      await sendToGroup(app(), alice, group.id, 'two');
      await bobClient.events.take('new_message_notification', (n) => n.preview === 'two');
      // Events to one socket from one sender keep their order: carol's second message came after any first notification.
      expect(
        (await carolClient.events.take('message_received', (e) => e.message.content === 'two')).message.content,
      ).toBe('two');
      expect(carolClient.events.all('new_message_notification')).toEqual([]);
      expect((await fetchUnread(app(), carol)).unreadCount).toBe(2);
      await Promise.all([bobClient, carolClient].map((client) => closeSocket(app(), client)));
    });

    it('returns the pair’s one direct conversation for one other user and no title, and refuses bad groups', async () => {
      const [alice, bob, carol] = await registerAll(app(), 'alice', 'bob', 'carol');
      const create = (body: object) => app().api('POST', '/api/conversations', { token: alice.accessToken, body });
      const [first, second] = await Promise.all([
        create({ participantIds: [bob.id] }),
        app().api('POST', '/api/conversations', { token: bob.accessToken, body: { participantIds: [alice.id] } }),
      ]);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(first.body.data.conversation.id).toBe(second.body.data.conversation.id);
      expect(first.body.data.conversation.kind).toBe('direct');

      expect((await create({ participantIds: [bob.id], title: 'Two only' })).status).toBe(400);
      expect((await create({ participantIds: [bob.id, carol.id] })).status).toBe(400);
      expect((await create({ participantIds: [bob.id, alice.id], title: 'Me too' })).status).toBe(400);
      expect((await create({ participantIds: [bob.id, 'ffffffffffffffffffffffff'], title: 'Ghost' })).status).toBe(404);
      expect((await create({ participantIds: [bob.id, carol.id], title: '   ' })).status).toBe(400);
      expect(await fetchConversations(app(), carol)).toEqual([]);
    });
  });
};
