import { describe, expect, it } from 'vitest';
import { closeSocket, connectSocket } from '../support/chat-socket.js';
import { fetchHistory, sendMessage } from '../support/chat-requests.js';
import { registerUser } from '../support/register-user.js';
import type { StartE2eApp } from '../support/start-e2e-app.js';
import { editMessage, messageOf, syncAll, syncOnce } from '../support/sync-requests.js';
import { useE2eApp } from '../support/use-e2e-app.js';

const positionOf = (cursor: string): number => Number(cursor.split(':')[1]);

export const describeSyncScenarios = (start: StartE2eApp): void => {
  describe('change feed', () => {
    const app = useE2eApp(start);

    it('gives a client that was away exactly what changed: a send, an edit, a delete, a reaction and a read receipt', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const toEdit = await sendMessage(app(), alice, bob, 'typo hree');
      const toDelete = await sendMessage(app(), alice, bob, 'secret');
      const fromBob = await sendMessage(app(), bob, alice, 'from bob');
      const { nextCursor: away } = await syncOnce(app(), bob);

      const missed = await sendMessage(app(), alice, bob, 'while you were away');
      expect((await editMessage(app(), alice, toEdit.message.id, 'typo here')).status).toBe(200);
      const deleted = await app().api('DELETE', `/api/messages/${toDelete.message.id}`, { token: alice.accessToken });
      expect(deleted.status).toBe(200);
      const reacted = await app().api(
        'PUT',
        `/api/messages/${fromBob.message.id}/reactions/${encodeURIComponent('👍🏽')}`,
        {
          token: alice.accessToken,
        },
      );
      expect(reacted.status).toBe(200);
      const read = await app().api('PUT', `/api/messages/${fromBob.message.id}/read`, { token: alice.accessToken });
      expect(read.status).toBe(200);

      const { changes } = await syncAll(app(), bob, away);
      expect(changes.map((change) => change.type)).toEqual([
        'message_created',
        'message_edited',
        'message_deleted',
        'reaction_added',
        'message_read',
      ]);
      expect(messageOf(changes[0]!)).toMatchObject({ id: missed.message.id, content: 'while you were away' });
      expect(messageOf(changes[1]!)).toMatchObject({
        id: toEdit.message.id,
        content: 'typo here',
        editedAt: expect.any(String),
      });
      expect(messageOf(changes[2]!)).toMatchObject({ id: toDelete.message.id, content: '', isDeleted: true });
      expect(changes[3]!.data).toMatchObject({ message: { id: fromBob.message.id }, userId: alice.id, emoji: '👍🏽' });
      expect(messageOf(changes[4]!)).toMatchObject({
        id: fromBob.message.id,
        readAt: expect.any(String),
        reactions: [{ emoji: '👍🏽', count: 1, reactedByMe: false }],
      });
      expect(changes[4]!.data).toMatchObject({ readerId: alice.id });
      // Nothing more, however often it is asked.
      expect((await syncAll(app(), bob, (await syncAll(app(), bob, away)).cursor)).changes).toEqual([]);
    });

    it('never shows deleted content again, not even in the change that created the message', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const sent = await sendMessage(app(), alice, bob, 'regret this');
      await editMessage(app(), alice, sent.message.id, 'regret this more');
      await app().api('DELETE', `/api/messages/${sent.message.id}`, { token: alice.accessToken });

      const { changes } = await syncAll(app(), bob, '');
      // It was the last message: the conversation's preview changed with it each time.
      expect(changes.map((change) => change.type)).toEqual([
        'conversation_created',
        'message_created',
        'message_edited',
        'conversation_updated',
        'message_deleted',
        'conversation_updated',
      ]);
      expect(JSON.stringify(changes)).not.toContain('regret');
    });

    it('puts the cursor of each change on its live event, so a connected client can keep its cursor current', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      await sendMessage(app(), alice, bob, 'hello');
      const { nextCursor: start } = await syncOnce(app(), bob);
      const bobClient = await connectSocket(app(), bob.accessToken);
      try {
        const sent = await sendMessage(app(), alice, bob, 'live');
        const live = await bobClient.events.take('message_received', (p) => p.message.id === sent.message.id);
        const edited = await editMessage(app(), alice, sent.message.id, 'live, edited');
        const liveEdit = await bobClient.events.take('message_edited');

        const { changes, cursor } = await syncAll(app(), bob, start);
        // A delivery confirmation may also be among them: the socket acknowledged the message.
        const byType = new Map(changes.map((change) => [change.type, change.cursor]));
        expect(byType.get('message_created')).toBe(live.cursor);
        expect(byType.get('message_edited')).toBe(liveEdit.cursor);
        expect(edited.body.data.cursor).toBe(liveEdit.cursor);
        expect(sent.cursor).toBe(live.cursor);
        expect(positionOf(cursor.split(',').find((entry) => entry.startsWith(sent.conversation.id))!)).toBe(
          Math.max(...changes.map((change) => positionOf(change.cursor))),
        );
      } finally {
        await closeSocket(app(), bobClient);
      }
    });

    it('pages through many changes of several conversations, each once, in order within each conversation', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const carol = await registerUser(app(), 'carol');
      const { nextCursor: start } = await syncOnce(app(), alice);
      for (let i = 0; i < 12; i += 1) {
        await sendMessage(app(), i % 2 ? bob : carol, alice, `m${i}`);
      }

      const { changes } = await syncAll(app(), alice, start, 5);
      const byConversation = new Map<string, number[]>();
      for (const change of changes) {
        byConversation.set(change.conversationId, [
          ...(byConversation.get(change.conversationId) ?? []),
          positionOf(change.cursor),
        ]);
      }
      expect([...byConversation.values()]).toEqual([
        [1, 2, 3, 4, 5, 6, 7],
        [1, 2, 3, 4, 5, 6, 7],
      ]);
      const history = await Promise.all(
        [...byConversation.keys()].map((id) => fetchHistory(app(), alice, id, { limit: 100 })),
      );
      const created = changes.filter((change) => change.type === 'message_created').map((c) => messageOf(c).id);
      expect(created.sort()).toEqual(history.flatMap((slice) => slice.messages.map((m) => m.id)).sort());
    });

    it('shows a user only the changes of their own conversations, whatever the cursor names', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const carol = await registerUser(app(), 'carol');
      const theirs = await sendMessage(app(), alice, bob, 'not for carol');

      expect((await syncAll(app(), carol, '')).changes).toEqual([]);
      expect((await syncAll(app(), carol, `${theirs.conversation.id}:1`)).changes).toEqual([]);
      expect((await syncOnce(app(), carol)).nextCursor).toBe('');
    });

    it('refuses a malformed cursor or limit with 400 and says which', async () => {
      const alice = await registerUser(app(), 'alice');
      for (const query of [
        'since=garbage',
        'since=abc:1',
        `since=${'a'.repeat(24)}:0`,
        'since=&limit=0',
        'limit=501',
      ]) {
        const res = await app().api('GET', `/api/sync?${query}`, { token: alice.accessToken });
        expect(res.status, query).toBe(400);
        expect(res.body).toMatchObject({ success: false, code: 'VALIDATION_FAILED' });
      }
    });
  });

  describe('reactions', () => {
    const app = useE2eApp(start);
    const path = (messageId: string, emoji: string) =>
      `/api/messages/${messageId}/reactions/${encodeURIComponent(emoji)}`;

    it('count per emoji on the message, say whose they are, and reach both participants once per change', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const sent = await sendMessage(app(), alice, bob, 'lunch?');
      const aliceClient = await connectSocket(app(), alice.accessToken);
      try {
        for (const [user, emoji] of [
          [bob, '👍'],
          [alice, '👍'],
          [bob, '❤️'],
          [bob, '👍'],
        ] as const) {
          expect((await app().api('PUT', path(sent.message.id, emoji), { token: user.accessToken })).status).toBe(200);
        }
        const added = await Promise.all([1, 2, 3].map(() => aliceClient.events.take('message_reaction')));
        expect(added.map(({ emoji, userId, added: isAdded }) => [emoji, userId, isAdded])).toEqual([
          ['👍', bob.id, true],
          ['👍', alice.id, true],
          ['❤️', bob.id, true],
        ]);

        const history = await fetchHistory(app(), alice, sent.conversation.id);
        expect(history.messages[0]!.reactions).toEqual([
          { emoji: '👍', count: 2, reactedByMe: true },
          { emoji: '❤️', count: 1, reactedByMe: false },
        ]);
        const removed = await app().api('DELETE', path(sent.message.id, '👍'), { token: alice.accessToken });
        expect(removed.body.data.message.reactions).toEqual([
          { emoji: '👍', count: 1, reactedByMe: false },
          { emoji: '❤️', count: 1, reactedByMe: false },
        ]);
        expect((await aliceClient.events.take('message_reaction')).added).toBe(false);
        const again = await app().api('DELETE', path(sent.message.id, '👍'), { token: alice.accessToken });
        expect(again.body.data.cursor).toBeNull();
      } finally {
        await closeSocket(app(), aliceClient);
      }
    });

    it('take one emoji only, from participants only, never on a deleted message, at most 20 different', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const carol = await registerUser(app(), 'carol');
      const sent = await sendMessage(app(), alice, bob, 'react to me');

      for (const emoji of ['a', '👍👍', '🇫🇷', ':)', '1️⃣', '👍 ']) {
        const res = await app().api('PUT', path(sent.message.id, emoji), { token: bob.accessToken });
        expect(res.status, emoji).toBe(400);
      }
      expect((await app().api('PUT', path(sent.message.id, '👍'), { token: carol.accessToken })).status).toBe(404);
      const many = [
        '😀',
        '😂',
        '🥲',
        '😎',
        '🤔',
        '😴',
        '🤯',
        '🥳',
        '😇',
        '🙃',
        '😉',
        '😍',
        '🤩',
        '😘',
        '😜',
        '🤪',
        '🤓',
        '🧐',
        '😏',
        '😬',
      ];
      for (const emoji of many) await app().api('PUT', path(sent.message.id, emoji), { token: bob.accessToken });
      const full = await app().api('PUT', path(sent.message.id, '🙈'), { token: bob.accessToken });
      expect(full.status).toBe(409);
      expect((await app().api('PUT', path(sent.message.id, '😀'), { token: alice.accessToken })).status).toBe(200);

      await app().api('DELETE', `/api/messages/${sent.message.id}`, { token: alice.accessToken });
      expect((await app().api('PUT', path(sent.message.id, '👍'), { token: bob.accessToken })).status).toBe(409);
    });
  });

  describe('editing a message', () => {
    const app = useE2eApp(start);

    it('changes the text for both sides, marks it edited and follows in the conversation preview', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const sent = await sendMessage(app(), alice, bob, 'helo');
      const bobClient = await connectSocket(app(), bob.accessToken);
      try {
        const res = await editMessage(app(), alice, sent.message.id, 'hello');
        expect(res.status).toBe(200);
        expect(res.body.data.message).toMatchObject({ content: 'hello', editedAt: expect.any(String) });
        expect((await bobClient.events.take('message_edited')).message).toMatchObject({ content: 'hello' });
        const history = await fetchHistory(app(), bob, sent.conversation.id);
        expect(history.messages.map((m) => m.content)).toEqual(['hello']);
        const conversation = await app().api<{ conversation: { lastMessage: { preview: string } } }>(
          'GET',
          `/api/conversations/${sent.conversation.id}`,
          { token: bob.accessToken },
        );
        expect(conversation.body.data.conversation.lastMessage.preview).toBe('hello');
      } finally {
        await closeSocket(app(), bobClient);
      }
    });

    it('is the sender’s alone, refused on a deleted message, validated like a send, and a no-op when unchanged', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const sent = await sendMessage(app(), alice, bob, 'original');

      expect((await editMessage(app(), bob, sent.message.id, 'mine now')).status).toBe(403);
      for (const content of ['', '   ', 'x'.repeat(1001)]) {
        const res = await editMessage(app(), alice, sent.message.id, content);
        expect(res.status, JSON.stringify(content)).toBe(400);
      }
      const same = await editMessage(app(), alice, sent.message.id, 'original');
      expect(same.body.data).toMatchObject({ message: { editedAt: null }, cursor: null });
      await app().api('DELETE', `/api/messages/${sent.message.id}`, { token: alice.accessToken });
      const late = await editMessage(app(), alice, sent.message.id, 'back from the dead');
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ code: 'CONFLICT' });
      expect((await fetchHistory(app(), bob, sent.conversation.id)).messages[0]).toMatchObject({ content: '' });
    });
  });
};
