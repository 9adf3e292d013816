import { describe, expect, it } from 'vitest';
import { fetchConversations, fetchHistory, sendMessage } from '../support/chat-requests.js';
import { registerUser } from '../support/register-user.js';
import type { StartE2eApp } from '../support/start-e2e-app.js';
import { useE2eApp } from '../support/use-e2e-app.js';

const PAIRS = 5;

export const describeConcurrencyScenarios = (start: StartE2eApp): void => {
  describe('simultaneous first messages', () => {
    const app = useE2eApp(start);

    it('make exactly one conversation per pair', async () => {
      for (let i = 0; i < PAIRS; i += 1) {
        const [alice, bob] = await Promise.all([registerUser(app(), 'alice'), registerUser(app(), 'bob')]);
        const [fromAlice, fromBob] = await Promise.all([
          sendMessage(app(), alice, bob, 'hi bob'),
          sendMessage(app(), bob, alice, 'hi alice'),
        ]);
        expect(fromAlice.conversation.id).toBe(fromBob.conversation.id);
        for (const user of [alice, bob]) {
          const conversations = await fetchConversations(app(), user);
          expect(conversations.map((c) => c.id)).toEqual([fromAlice.conversation.id]);
        }
        const history = await fetchHistory(app(), alice, fromAlice.conversation.id);
        expect(history.messages.map((m) => m.id).sort()).toEqual([fromAlice.message.id, fromBob.message.id].sort());
      }
    });
  });
};
