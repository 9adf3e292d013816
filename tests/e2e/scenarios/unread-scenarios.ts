import { describe, expect, it } from 'vitest';
import { connectSocket } from '../support/chat-socket.js';
import { fetchConversations, fetchUnread, sendMessage } from '../support/chat-requests.js';
import { registerUser, type TestUser } from '../support/register-user.js';
import type { E2eApp, StartE2eApp } from '../support/start-e2e-app.js';
import { useE2eApp } from '../support/use-e2e-app.js';

/** The total, the per-conversation count of unread-count, and the conversation list's count must agree. */
const expectUnread = async (app: E2eApp, user: TestUser, conversationId: string, expected: number): Promise<void> => {
  const unread = await fetchUnread(app, user);
  expect(unread.unreadCount).toBe(expected);
  expect(unread.conversations.find((c) => c.conversationId === conversationId)?.unreadCount ?? 0).toBe(expected);
  const [summary] = (await fetchConversations(app, user)).filter((c) => c.id === conversationId);
  expect(summary?.unreadCount).toBe(expected);
};

export const describeUnreadScenarios = (start: StartE2eApp): void => {
  describe('unread counts', () => {
    const app = useE2eApp(start);

    it('move through send, read, delete and mark-read', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const first = await sendMessage(app(), alice, bob, 'one');
      const conversationId = first.conversation.id;
      const second = await sendMessage(app(), alice, bob, 'two');
      const third = await sendMessage(app(), alice, bob, 'three');
      await sendMessage(app(), alice, bob, 'four');
      await expectUnread(app(), bob, conversationId, 4);
      await expectUnread(app(), alice, conversationId, 0);

      expect(
        (await app().api('PUT', `/api/messages/${first.message.id}/read`, { token: bob.accessToken })).status,
      ).toBe(200);
      await expectUnread(app(), bob, conversationId, 3);
      // Marking again changes nothing.
      expect(
        (await app().api('PUT', `/api/messages/${first.message.id}/read`, { token: bob.accessToken })).status,
      ).toBe(200);
      await expectUnread(app(), bob, conversationId, 3);

      expect(
        (await app().api('DELETE', `/api/messages/${second.message.id}`, { token: alice.accessToken })).status,
      ).toBe(200);
      await expectUnread(app(), bob, conversationId, 2);

      // Bob answers: his own message is unread for Alice only.
      await sendMessage(app(), bob, alice, 'back');
      await expectUnread(app(), alice, conversationId, 1);
      await expectUnread(app(), bob, conversationId, 2);

      const marked = await app().api<{ markedCount: number }>('PUT', `/api/conversations/${conversationId}/mark-read`, {
        token: bob.accessToken,
      });
      expect(marked.status).toBe(200);
      expect(marked.body.data.markedCount).toBe(2);
      await expectUnread(app(), bob, conversationId, 0);
      await expectUnread(app(), alice, conversationId, 1);

      const again = await app().api<{ markedCount: number }>('PUT', `/api/conversations/${conversationId}/mark-read`, {
        token: bob.accessToken,
      });
      expect(again.body.data.markedCount).toBe(0);
      // Deleting an already read message leaves the counts alone.
      await app().api('DELETE', `/api/messages/${third.message.id}`, { token: alice.accessToken });
      await expectUnread(app(), bob, conversationId, 0);
    });

    it('hides a deleted last message from the conversation preview and tells the other participant', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const sent = await sendMessage(app(), alice, bob, 'oops, wrong chat');
      const bobClient = await connectSocket(app(), bob.accessToken);
      const deleted = await app().api('DELETE', `/api/messages/${sent.message.id}`, { token: alice.accessToken });
      expect(deleted.body.data.message).toMatchObject({ isDeleted: true, content: '' });
      expect(await bobClient.events.take('message_deleted')).toEqual({
        messageId: sent.message.id,
        conversationId: sent.conversation.id,
        cursor: expect.stringMatching(`^${sent.conversation.id}:\\d+$`),
      });
      for (const viewer of [alice, bob]) {
        const [summary] = await fetchConversations(app(), viewer);
        expect(summary?.lastMessage).toMatchObject({ id: sent.message.id, preview: '', isDeleted: true });
      }
      await expectUnread(app(), bob, sent.conversation.id, 0);
    });
  });
};
