import { describe, expect, it } from 'vitest';
import { closeSocket, connectSocket } from '../support/chat-socket.js';
import { fetchHistory, sendMessage } from '../support/chat-requests.js';
import { registerUser } from '../support/register-user.js';
import type { StartE2eApp } from '../support/start-e2e-app.js';
import { useE2eApp } from '../support/use-e2e-app.js';

export const describeHistoryScenarios = (start: StartE2eApp): void => {
  describe('conversation history', () => {
    const app = useE2eApp(start);

    it('pages backwards by cursor without gaps or repeats', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const sentIds: string[] = [];
      let conversationId = '';
      for (let i = 1; i <= 25; i += 1) {
        // Both directions, so the history is the pair's and not one sender's.
        const sent = await sendMessage(app(), i % 3 === 0 ? bob : alice, i % 3 === 0 ? alice : bob, `message ${i}`);
        sentIds.push(sent.message.id);
        conversationId = sent.conversation.id;
      }

      const pages: string[][] = [];
      let before: string | null = null;
      do {
        const slice = await fetchHistory(app(), bob, conversationId, { limit: 10, ...(before ? { before } : {}) });
        pages.unshift(slice.messages.map((m) => m.id));
        expect(slice.hasMore).toBe(slice.nextBefore !== null);
        before = slice.nextBefore;
      } while (before && pages.length < 10);

      expect(pages.map((p) => p.length)).toEqual([5, 10, 10]);
      expect(pages.flat()).toEqual(sentIds);
      // Page-numbered clients get the same slices, counted from the newest.
      for (const [index, page] of [3, 2, 1].entries()) {
        const slice = await fetchHistory(app(), alice, conversationId, { limit: 10, page });
        expect(slice.messages.map((m) => m.id)).toEqual(pages[index]);
      }
      const contents = (await fetchHistory(app(), alice, conversationId, { limit: 100 })).messages.map(
        (m) => m.content,
      );
      expect(contents).toEqual(sentIds.map((_, i) => `message ${i + 1}`));
    });

    it('gives a reconnecting client exactly what it missed with `after`', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const bobClient = await connectSocket(app(), bob.accessToken);
      await sendMessage(app(), alice, bob, 'before you left');
      const lastSeen = await bobClient.events.take('message_received');
      await closeSocket(app(), bobClient);

      const missed: string[] = [];
      for (const content of ['missed 1', 'missed 2', 'missed 3']) {
        missed.push((await sendMessage(app(), alice, bob, content)).message.id);
      }

      const back = await connectSocket(app(), bob.accessToken);
      const slice = await fetchHistory(app(), bob, lastSeen.conversation.id, { after: lastSeen.message.id });
      expect(slice.messages.map((m) => m.id)).toEqual(missed);
      expect(slice.messages.map((m) => m.content)).toEqual(['missed 1', 'missed 2', 'missed 3']);
      expect(slice.hasMore).toBe(false);
      expect(slice.nextAfter).toBe(missed[2]);
      // Nothing newer yet: asking again from the end gives nothing.
      expect((await fetchHistory(app(), bob, lastSeen.conversation.id, { after: missed[2]! })).messages).toEqual([]);
      expect(back.events.all('message_received')).toEqual([]);

      // By position, as clients should: the last seq seen, and the positions run on without a hole.
      const bySeq = await fetchHistory(app(), bob, lastSeen.conversation.id, { after: lastSeen.message.seq });
      expect(bySeq.messages.map((m) => [m.id, m.seq])).toEqual(
        missed.map((id, i) => [id, lastSeen.message.seq + 1 + i]),
      );
      expect(lastSeen.conversation.lastMessage?.seq).toBe(lastSeen.message.seq);
    });
  });
};
