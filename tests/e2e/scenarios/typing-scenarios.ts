import { describe, expect, it } from 'vitest';
import { connectSocket } from '../support/chat-socket.js';
import { sendMessage } from '../support/chat-requests.js';
import { registerUser } from '../support/register-user.js';
import type { StartE2eApp } from '../support/start-e2e-app.js';
import { useE2eApp } from '../support/use-e2e-app.js';

/** TYPING_TIMEOUT_MS of the e2e app (start-e2e-app.ts). */
const TYPING_TIMEOUT_MS = 600;

export const describeTypingScenarios = (start: StartE2eApp): void => {
  describe('typing indicators', () => {
    const app = useE2eApp(start);

    it('tells the other participant when typing starts, stops and expires by itself', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const carol = await registerUser(app(), 'carol');
      const { conversation } = await sendMessage(app(), alice, bob, 'hi');
      const aliceClient = await connectSocket(app(), alice.accessToken);
      const bobClient = await connectSocket(app(), bob.accessToken);
      const carolClient = await connectSocket(app(), carol.accessToken);
      const fromAlice = { conversationId: conversation.id, userId: alice.id };

      expect(
        await aliceClient.socket.timeout(3_000).emitWithAck('typing_start', { conversationId: conversation.id }),
      ).toMatchObject({ ok: true });
      expect(await bobClient.events.take('user_typing')).toEqual({ ...fromAlice, isTyping: true });

      expect(
        await aliceClient.socket.timeout(3_000).emitWithAck('typing_stop', { conversationId: conversation.id }),
      ).toMatchObject({ ok: true });
      expect(await bobClient.events.take('user_typing')).toEqual({ ...fromAlice, isTyping: false });

      // A start without a stop ends by itself.
      await aliceClient.socket.timeout(3_000).emitWithAck('typing_start', { conversationId: conversation.id });
      expect(await bobClient.events.take('user_typing')).toEqual({ ...fromAlice, isTyping: true });
      const startedAt = Date.now();
      expect(await bobClient.events.take('user_typing', () => true, TYPING_TIMEOUT_MS + 2_000)).toEqual({
        ...fromAlice,
        isTyping: false,
      });
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(TYPING_TIMEOUT_MS - 150);

      // Only the other participant hears of it.
      expect(aliceClient.events.all('user_typing')).toEqual([]);
      expect(carolClient.events.all('user_typing')).toEqual([]);
    });
  });
};
