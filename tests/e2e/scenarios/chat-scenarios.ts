import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../../src/domain/message.js';
import { acknowledgeReceipts, connectSocket } from '../support/chat-socket.js';
import { fetchHistory, sendMessage } from '../support/chat-requests.js';
import { registerUser } from '../support/register-user.js';
import type { StartE2eApp } from '../support/start-e2e-app.js';
import { useE2eApp } from '../support/use-e2e-app.js';

export const describeChatScenarios = (start: StartE2eApp): void => {
  describe('two users chat both ways over REST and sockets', () => {
    const app = useE2eApp(start);

    it('delivers, confirms and reports reads of a REST message and a socket message', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const aliceClient = await connectSocket(app(), alice.accessToken);
      const bobClient = await connectSocket(app(), bob.accessToken);
      acknowledgeReceipts(aliceClient);
      acknowledgeReceipts(bobClient);

      // Alice → Bob over REST.
      const sent = await sendMessage(app(), alice, bob, '  hello bob  ');
      expect(sent.message).toMatchObject({ content: 'hello bob', senderId: alice.id, receiverId: bob.id });
      const received = await bobClient.events.take('message_received', (p) => p.message.id === sent.message.id);
      expect(received).toEqual(sent);
      expect(
        await bobClient.events.take('new_message_notification', (p) => p.conversationId === sent.conversation.id),
      ).toEqual({
        conversationId: sent.conversation.id,
        senderId: alice.id,
        senderUsername: alice.username,
        preview: 'hello bob',
      });
      expect(await aliceClient.events.take('message_sent', (p) => p.message.id === sent.message.id)).toEqual(sent);
      const delivered = await aliceClient.events.take('message_delivered', (p) => p.messageId === sent.message.id);
      expect(delivered.conversationId).toBe(sent.conversation.id);

      // Bob reads it over the socket.
      const readAck = await bobClient.socket.timeout(3_000).emitWithAck('message_read', { messageId: sent.message.id });
      expect(readAck.ok).toBe(true);
      const read = await aliceClient.events.take('message_read', (p) => p.messageId === sent.message.id);
      expect(read).toMatchObject({ conversationId: sent.conversation.id, readerId: bob.id });
      if (readAck.ok) expect(readAck.message.readAt).toBe(read.readAt);

      // Bob → Alice over the socket.
      const ack = await bobClient.socket
        .timeout(3_000)
        .emitWithAck('send_message', { receiverId: alice.id, content: 'hi alice', clientMessageId: 'bob-1' });
      if (!ack.ok) throw new Error(`send_message refused: ${JSON.stringify(ack.error)}`);
      const reply = ack.message;
      expect(reply).toMatchObject({ content: 'hi alice', senderId: bob.id, receiverId: alice.id });
      expect(ack.conversation.id).toBe(sent.conversation.id);
      const replyReceived = await aliceClient.events.take('message_received', (p) => p.message.id === reply.id);
      expect(replyReceived.message).toEqual(reply);
      expect(await aliceClient.events.take('new_message_notification', (p) => p.senderId === bob.id)).toMatchObject({
        conversationId: sent.conversation.id,
        senderUsername: bob.username,
        preview: 'hi alice',
      });
      await bobClient.events.take('message_delivered', (p) => p.messageId === reply.id);
      // Its ack carried the message: the sending socket gets no message_sent (it would have come before that).
      expect(bobClient.events.all('message_sent', (p) => p.message.id === reply.id)).toEqual([]);

      // Alice reads it over REST.
      const markRes = await app().api<{ message: MessageView }>('PUT', `/api/messages/${reply.id}/read`, {
        token: alice.accessToken,
      });
      expect(markRes.status).toBe(200);
      const replyRead = await bobClient.events.take('message_read', (p) => p.messageId === reply.id);
      expect(replyRead).toMatchObject({ readerId: alice.id, readAt: markRes.body.data.message.readAt });

      // REST history holds the same messages, now delivered and read, in the same shape as the socket payloads.
      const history = await fetchHistory(app(), alice, sent.conversation.id);
      expect(history.messages.map((m) => m.id)).toEqual([sent.message.id, reply.id]);
      for (const [stored, announced] of [
        [history.messages[0], sent.message],
        [history.messages[1], reply],
      ] as const) {
        expect(Object.keys(stored ?? {}).sort()).toEqual(Object.keys(announced).sort());
        expect(stored).toMatchObject({ id: announced.id, content: announced.content, createdAt: announced.createdAt });
        expect(stored?.deliveredAt).not.toBeNull();
        expect(stored?.readAt).not.toBeNull();
      }
    });

    it('does not confirm delivery when no receiver socket acknowledges', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const aliceClient = await connectSocket(app(), alice.accessToken);
      const bobClient = await connectSocket(app(), bob.accessToken); // listens but never acknowledges

      const sent = await sendMessage(app(), alice, bob, 'are you there?');
      await bobClient.events.take('message_received', (p) => p.message.id === sent.message.id);
      await aliceClient.events.expectNone('message_delivered', 2_300, (p) => p.messageId === sent.message.id);
      const [stored] = (await fetchHistory(app(), alice, sent.conversation.id)).messages;
      expect(stored?.deliveredAt).toBeNull();
    });
  });
};
