import { describe, expect, it } from 'vitest';
import { connectSocket } from '../../e2e/support/chat-socket.js';
import { fetchConversations, fetchHistory, fetchUnread, sendMessage } from '../../e2e/support/chat-requests.js';
import { registerUser } from '../../e2e/support/register-user.js';
import type { StartE2eApp } from '../../e2e/support/start-e2e-app.js';
import { useE2eApp } from '../../e2e/support/use-e2e-app.js';

export const describeAccessControlScenarios = (start: StartE2eApp): void => {
  describe("another pair's conversation", () => {
    const app = useE2eApp(start);

    it('is invisible and untouchable to a third user, and only the right participant may read or delete', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const mallory = await registerUser(app(), 'mallory');
      const { message, conversation } = await sendMessage(app(), alice, bob, 'just between us');
      const bobClient = await connectSocket(app(), bob.accessToken);
      const aliceClient = await connectSocket(app(), alice.accessToken);
      const malloryClient = await connectSocket(app(), mallory.accessToken);
      const as = (token: string) => ({ token });

      const attempts: Array<[string, string, string, number, string]> = [
        ['mallory reads the conversation', 'GET', `/api/conversations/${conversation.id}`, 404, mallory.accessToken],
        [
          'mallory reads the messages',
          'GET',
          `/api/conversations/${conversation.id}/messages`,
          404,
          mallory.accessToken,
        ],
        ['mallory marks the message', 'PUT', `/api/messages/${message.id}/read`, 404, mallory.accessToken],
        ['alice (sender) marks the message', 'PUT', `/api/messages/${message.id}/read`, 403, alice.accessToken],
        [
          'mallory marks the conversation',
          'PUT',
          `/api/conversations/${conversation.id}/mark-read`,
          404,
          mallory.accessToken,
        ],
        ['bob (receiver) deletes the message', 'DELETE', `/api/messages/${message.id}`, 403, bob.accessToken],
        ['mallory deletes the message', 'DELETE', `/api/messages/${message.id}`, 404, mallory.accessToken],
      ];
      for (const [what, method, path, status, token] of attempts) {
        const res = await app().api(method, path, as(token));
        expect(res.status, what).toBe(status);
        expect(res.body.code, what).toBe(status === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
        expect(res.text, what).not.toContain('just between us');
      }
      const intrusion = await app().api('POST', '/api/messages/send', {
        token: mallory.accessToken,
        body: { conversationId: conversation.id, content: 'let me in' },
      });
      expect(intrusion.status).toBe(404);

      const join = await malloryClient.socket
        .timeout(3_000)
        .emitWithAck('join_room', { conversationId: conversation.id });
      expect(join).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const typing = await malloryClient.socket
        .timeout(3_000)
        .emitWithAck('typing_start', { conversationId: conversation.id });
      expect(typing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const read = await malloryClient.socket.timeout(3_000).emitWithAck('message_read', { messageId: message.id });
      expect(read).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const send = await malloryClient.socket
        .timeout(3_000)
        .emitWithAck('send_message', { conversationId: conversation.id, content: 'let me in' });
      expect(send).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      // Alice joining her own conversation's room is fine.
      expect(
        await aliceClient.socket.timeout(3_000).emitWithAck('join_room', { conversationId: conversation.id }),
      ).toMatchObject({ ok: true, conversationId: conversation.id });

      // Nothing changed.
      const [stored, ...rest] = (await fetchHistory(app(), bob, conversation.id)).messages;
      expect(rest).toEqual([]);
      expect(stored).toMatchObject({ id: message.id, content: 'just between us', isDeleted: false, readAt: null });
      expect((await fetchUnread(app(), bob)).unreadCount).toBe(1);
      expect(await fetchConversations(app(), mallory)).toEqual([]);
      const [summary] = await fetchConversations(app(), alice);
      expect(summary?.lastMessage).toMatchObject({ id: message.id, preview: 'just between us', isDeleted: false });
      expect(bobClient.events.all('user_typing')).toEqual([]);
      expect(bobClient.events.all('message_received')).toEqual([]);
      expect(aliceClient.events.all('message_read')).toEqual([]);
    });
  });
};
