import { describe, expect, it } from 'vitest';
import { closeSocket, connectSocket } from '../support/chat-socket.js';
import { fetchConversations, fetchHistory, fetchPublicUser, sendMessage } from '../support/chat-requests.js';
import { registerUser, type TestUser } from '../support/register-user.js';
import type { E2eApp, StartE2eApp } from '../support/start-e2e-app.js';
import { useE2eApp } from '../support/use-e2e-app.js';

const setBlock = (app: E2eApp, blocker: TestUser, blocked: string, method: 'POST' | 'DELETE') =>
  app.api(method, `/api/users/${blocked}/block`, { token: blocker.accessToken });

const trySend = (app: E2eApp, from: TestUser, body: Record<string, string>) =>
  app.api('POST', '/api/messages/send', { token: from.accessToken, body });

export const describeBlockingScenarios = (start: StartE2eApp): void => {
  describe('blocking', () => {
    const app = useE2eApp(start);

    it('refuses the blocked user’s sends to the blocker over REST and sockets, storing nothing, until unblocked', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const { conversation } = await sendMessage(app(), bob, alice, 'before the block');

      for (let i = 0; i < 2; i += 1) {
        const blocked = await setBlock(app(), alice, bob.id, 'POST');
        expect([blocked.status, blocked.body.data]).toEqual([200, { userId: bob.id, blocked: true }]);
      }
      const refused = await trySend(app(), bob, { receiverId: alice.id, content: 'let me in' });
      expect([refused.status, refused.body.code, refused.body.message]).toEqual([
        403,
        'FORBIDDEN',
        'You cannot send messages to this user',
      ]);
      expect((await trySend(app(), bob, { conversationId: conversation.id, content: 'by id' })).status).toBe(403);
      const bobClient = await connectSocket(app(), bob.accessToken);
      expect(
        await bobClient.socket
          .timeout(3_000)
          .emitWithAck('send_message', { receiverId: alice.id, content: 'over the socket' }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await fetchHistory(app(), alice, conversation.id)).messages.map((m) => m.content)).toEqual([
        'before the block',
      ]);

      // The blocker may still write; the block is one way.
      await sendMessage(app(), alice, bob, 'I can still write to you');
      const me = await app().api('GET', '/api/auth/me', { token: alice.accessToken });
      expect(me.body.data.blockedUserIds).toEqual([bob.id]);

      for (let i = 0; i < 2; i += 1) {
        const lifted = await setBlock(app(), alice, bob.id, 'DELETE');
        expect([lifted.status, lifted.body.data]).toEqual([200, { userId: bob.id, blocked: false }]);
      }
      await sendMessage(app(), bob, alice, 'after the block');
    });

    it('keeps a blocked user from starting a conversation at all', async () => {
      const alice = await registerUser(app(), 'alice');
      const mallory = await registerUser(app(), 'mallory');
      await setBlock(app(), alice, mallory.id, 'POST');

      expect((await trySend(app(), mallory, { receiverId: alice.id, content: 'hello?' })).status).toBe(403);
      expect(await fetchConversations(app(), alice)).toEqual([]);
      expect(await fetchConversations(app(), mallory)).toEqual([]);
    });

    it('hides presence and typing between the two, both ways, and from no one else', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const carol = await registerUser(app(), 'carol');
      const { conversation } = await sendMessage(app(), bob, alice, 'hi');
      const aliceClient = await connectSocket(app(), alice.accessToken);
      const bobClient = await connectSocket(app(), bob.accessToken);
      await setBlock(app(), alice, bob.id, 'POST');

      expect((await fetchPublicUser(app(), bob, alice)).isOnline).toBe(false);
      expect((await fetchPublicUser(app(), alice, bob)).isOnline).toBe(false);
      expect((await fetchPublicUser(app(), carol, alice)).isOnline).toBe(true);

      const typing = { conversationId: conversation.id };
      expect(await bobClient.socket.timeout(3_000).emitWithAck('typing_start', typing)).toMatchObject({ ok: true });
      expect(await aliceClient.socket.timeout(3_000).emitWithAck('typing_start', typing)).toMatchObject({ ok: true });
      await setBlock(app(), alice, bob.id, 'DELETE');
      expect(await bobClient.socket.timeout(3_000).emitWithAck('typing_stop', typing)).toMatchObject({ ok: true });

      // The only typing event either saw is the one after the block was lifted (same socket, same order).
      expect(await aliceClient.events.take('user_typing')).toEqual({ ...typing, userId: bob.id, isTyping: false });
      expect(aliceClient.events.all('user_typing')).toHaveLength(1);
      expect(bobClient.events.all('user_typing')).toEqual([]);
    });

    it('tells a blocked partner nothing of the blocker going offline, and other partners as before', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const carol = await registerUser(app(), 'carol');
      await sendMessage(app(), bob, alice, 'hi alice');
      await sendMessage(app(), carol, alice, 'hello alice');
      const bobClient = await connectSocket(app(), bob.accessToken);
      const carolClient = await connectSocket(app(), carol.accessToken);
      const fromAlice = (payload: { userId: string }) => payload.userId === alice.id;
      let aliceClient = await connectSocket(app(), alice.accessToken);
      await bobClient.events.take('user_online', fromAlice);
      await carolClient.events.take('user_online', fromAlice);

      await setBlock(app(), alice, bob.id, 'POST');
      await closeSocket(app(), aliceClient);
      await carolClient.events.take('user_offline', fromAlice);
      await setBlock(app(), alice, bob.id, 'DELETE');
      aliceClient = await connectSocket(app(), alice.accessToken);

      // One user's announcements go out in order: had bob been told of the offline, it would come first.
      await bobClient.events.take('user_online', fromAlice);
      expect(bobClient.events.all('user_offline', fromAlice)).toEqual([]);
      await closeSocket(app(), aliceClient);
    });

    it('refuses to block yourself or someone who does not exist, and lifts a block that never was', async () => {
      const alice = await registerUser(app(), 'alice');
      expect((await setBlock(app(), alice, alice.id, 'POST')).status).toBe(400);
      expect((await setBlock(app(), alice, 'ffffffffffffffffffffffff', 'POST')).status).toBe(404);
      expect((await setBlock(app(), alice, 'not-an-id', 'POST')).status).toBe(400);
      expect((await setBlock(app(), alice, 'ffffffffffffffffffffffff', 'DELETE')).status).toBe(200);
    });
  });
};

export const describeMutingScenarios = (start: StartE2eApp): void => {
  describe('muting', () => {
    const app = useE2eApp(start);

    it('sends no notification for a muted conversation, while messages and unread counts stay as they were', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const { conversation } = await sendMessage(app(), bob, alice, 'first');
      const aliceClient = await connectSocket(app(), alice.accessToken);
      const mutePath = `/api/conversations/${conversation.id}/mute`;

      const muted = await app().api('PUT', mutePath, { token: alice.accessToken, body: {} });
      expect([muted.status, muted.body.data]).toEqual([
        200,
        { conversationId: conversation.id, muted: true, mutedUntil: null },
      ]);
      const quiet = await sendMessage(app(), bob, alice, 'while muted');
      expect((await aliceClient.events.take('message_received')).message.id).toBe(quiet.message.id);
      const [summary] = await fetchConversations(app(), alice);
      expect(summary).toMatchObject({ id: conversation.id, unreadCount: 2, muted: true, mutedUntil: null });

      const unmuted = await app().api('DELETE', mutePath, { token: alice.accessToken });
      expect(unmuted.body.data).toEqual({ conversationId: conversation.id, muted: false, mutedUntil: null });
      const loud = await sendMessage(app(), bob, alice, 'after unmuting');
      // The first notification the socket gets is for the message after unmuting (one socket, in order).
      expect(await aliceClient.events.take('new_message_notification')).toMatchObject({ preview: 'after unmuting' });
      expect(aliceClient.events.all('new_message_notification')).toHaveLength(1);
      expect(
        (await aliceClient.events.take('message_received', (p) => p.message.id === loud.message.id)).message.content,
      ).toBe('after unmuting');
    });

    it('ends a timed mute by itself, refuses a mute in the past, and hides the conversation from outsiders', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const eve = await registerUser(app(), 'eve');
      const { conversation } = await sendMessage(app(), bob, alice, 'hi');
      const mutePath = `/api/conversations/${conversation.id}/mute`;
      const until = new Date(Date.now() + 3_600_000).toISOString();

      const timed = await app().api('PUT', mutePath, { token: alice.accessToken, body: { until } });
      expect(timed.body.data).toEqual({ conversationId: conversation.id, muted: true, mutedUntil: until });
      const past = await app().api('PUT', mutePath, {
        token: alice.accessToken,
        body: { until: '2001-01-01T00:00:00Z' },
      });
      expect([past.status, past.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((await app().api('PUT', mutePath, { token: alice.accessToken, body: { until: 'tomorrow' } })).status).toBe(
        400,
      );
      expect((await app().api('PUT', mutePath, { token: eve.accessToken, body: {} })).status).toBe(404);
      expect((await app().api('DELETE', mutePath, { token: eve.accessToken })).status).toBe(404);
    });
  });
};
