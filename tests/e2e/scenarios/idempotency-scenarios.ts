import { describe, expect, it } from 'vitest';
import { connectSocket } from '../support/chat-socket.js';
import { fetchHistory, sendMessage, type Sent } from '../support/chat-requests.js';
import { registerUser } from '../support/register-user.js';
import type { StartE2eApp } from '../support/start-e2e-app.js';
import { useE2eApp } from '../support/use-e2e-app.js';

export const describeIdempotencyScenarios = (start: StartE2eApp): void => {
  describe('idempotent send', () => {
    const app = useE2eApp(start);

    it('answers a REST retry with the same clientMessageId with the original message', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const bobClient = await connectSocket(app(), bob.accessToken);
      const first = await sendMessage(app(), alice, bob, 'exactly once', { clientMessageId: 'retry-1' });
      const isFirst = (p: { message: { id: string } }) => p.message.id === first.message.id;
      const retry = await app().api<Sent>('POST', '/api/messages/send', {
        token: alice.accessToken,
        body: { receiverId: bob.id, content: 'exactly once', clientMessageId: 'retry-1' },
      });
      expect(retry.status).toBe(200);
      expect(retry.body.data.message).toEqual(first.message);

      const history = await fetchHistory(app(), bob, first.conversation.id);
      expect(history.messages.map((m) => m.id)).toEqual([first.message.id]);
      expect(history.messages[0]?.clientMessageId).toBe('retry-1');
      // The retry announces the stored message again (its first run may have died before announcing).
      for (let i = 0; i < 2; i += 1) await bobClient.events.take('message_received', isFirst);
      await bobClient.events.expectNone('message_received', 300, (p) => p.message.id !== first.message.id);

      // A retry racing the original (the client gave up waiting) still makes one message.
      const race = { receiverId: bob.id, content: 'raced', clientMessageId: 'race-1' };
      const raced = await Promise.all(
        [1, 2].map(() => app().api<Sent>('POST', '/api/messages/send', { token: alice.accessToken, body: race })),
      );
      expect(raced.map((r) => r.status).sort()).toEqual([200, 201]);
      expect(raced[0]?.body.data.message.id).toBe(raced[1]?.body.data.message.id);
      expect((await fetchHistory(app(), bob, first.conversation.id)).messages).toHaveLength(2);

      // The key belongs to the sender: Bob may use the same one for his own message.
      const bobs = await sendMessage(app(), bob, alice, 'mine', { clientMessageId: 'retry-1' });
      expect(bobs.message.id).not.toBe(first.message.id);
    });

    it('answers a socket retry with the same clientMessageId with the original message', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const aliceClient = await connectSocket(app(), alice.accessToken);
      const bobClient = await connectSocket(app(), bob.accessToken);
      const payload = { receiverId: bob.id, content: 'socket once', clientMessageId: 'sock-1' };

      const first = await aliceClient.socket.timeout(3_000).emitWithAck('send_message', payload);
      const second = await aliceClient.socket.timeout(3_000).emitWithAck('send_message', payload);
      if (!first.ok || !second.ok) throw new Error(`send refused: ${JSON.stringify([first, second])}`);
      expect(second.message).toEqual(first.message);

      // REST with the same key returns the socket's message too.
      const viaRest = await app().api<Sent>('POST', '/api/messages/send', { token: alice.accessToken, body: payload });
      expect(viaRest.status).toBe(200);
      expect(viaRest.body.data.message.id).toBe(first.message.id);

      const history = await fetchHistory(app(), bob, first.conversation.id);
      expect(history.messages.map((m) => m.id)).toEqual([first.message.id]);
      // Each of the three sends announced the one message; receivers deduplicate by id.
      const isFirst = (p: { message: { id: string } }) => p.message.id === first.message.id;
      for (let i = 0; i < 3; i += 1) await bobClient.events.take('message_received', isFirst);
      // The socket's two sends were answered by their acks: only the REST send, the last, told it with message_sent.
      await aliceClient.events.take('message_sent', isFirst);
      expect(aliceClient.events.all('message_sent')).toHaveLength(1);
      await bobClient.events.expectNone('message_received', 300, (p) => p.message.id !== first.message.id);
    });
  });
};
