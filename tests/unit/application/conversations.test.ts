import { describe, expect, it } from 'vitest';
import { buildCore, left, right, type Core } from '../../support/build-core.js';

type Registered = Awaited<ReturnType<Core['register']>>;

const UNKNOWN_ID = 'f'.repeat(24);

const send = async (core: Core, from: Registered, to: Registered, content: string) =>
  right(await core.useCases.sendMessage.execute(from.claims, { receiverId: to.user.id, content }));

const history = async (core: Core, viewer: Registered, conversationId: string, query: Record<string, unknown>) =>
  right(await core.useCases.getConversationHistory.execute(viewer.claims, conversationId, query));

/** Sends `count` messages alternating between the two, returning their ids oldest first. */
const converse = async (core: Core, a: Registered, b: Registered, count: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const [from, to] = i % 2 === 0 ? [a, b] : [b, a];
    ids.push((await send(core, from, to, `message ${i + 1}`)).message.id);
  }
  return ids;
};

describe('listing conversations', () => {
  it('lists newest activity first, with the other participant (no e-mail) and the caller’s unread count', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const carol = await core.register('carol');
    const dave = await core.register('dave');

    const withBob = (await send(core, alice, bob, 'to bob')).message.conversationId;
    core.clock.advance(1_000);
    const withCarol = (await send(core, carol, alice, 'from carol')).message.conversationId;
    await send(core, carol, alice, 'again from carol');
    core.clock.advance(1_000);
    const withDave = (await send(core, alice, dave, 'to dave')).message.conversationId;
    core.clock.advance(1_000);
    await send(core, bob, alice, 'bob replies');
    await core.useCases.trackPresence.admit({ id: carol.user.id, username: 'carol' }, 'carol-socket');

    const { conversations, pagination } = right(await core.useCases.listConversations.execute(alice.claims, {}));
    expect(conversations.map((c) => c.id)).toEqual([withBob, withDave, withCarol]);
    expect(pagination).toEqual({ page: 1, limit: 20, total: 3, totalPages: 1, hasNext: false });
    expect(conversations.map((c) => [c.otherParticipant?.username, c.unreadCount])).toEqual([
      ['bob', 1],
      ['dave', 0],
      ['carol', 2],
    ]);
    expect(conversations[0]?.otherParticipant).toEqual({
      id: bob.user.id,
      username: 'bob',
      isOnline: false,
      lastSeen: null,
    });
    expect(conversations[2]?.otherParticipant?.isOnline).toBe(true);
    expect(conversations[0]?.lastMessage).toMatchObject({ preview: 'bob replies', senderId: bob.user.id });
    expect(JSON.stringify(conversations)).not.toContain('@example.com');

    const second = right(await core.useCases.listConversations.execute(alice.claims, { page: '2', limit: '2' }));
    expect(second.conversations.map((c) => c.id)).toEqual([withCarol]);
    expect(second.pagination).toMatchObject({ page: 2, limit: 2, total: 3, totalPages: 2, hasNext: false });

    const bobsView = right(await core.useCases.listConversations.execute(bob.claims, {}));
    expect(bobsView.conversations.map((c) => [c.otherParticipant?.username, c.unreadCount])).toEqual([['alice', 1]]);
  });

  it('refuses an out-of-range limit', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    expect(left(await core.useCases.listConversations.execute(alice.claims, { limit: '101' }))._tag).toBe('Validation');
  });
});

describe('a conversation seen from outside', () => {
  it('does not exist for a third user: get, history, mark-read, participation and typing answer NotFound', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const carol = await core.register('carol');
    const sent = await send(core, alice, bob, 'between us');
    const id = sent.message.conversationId;
    core.notifier.clear();

    const { useCases } = core;
    expect(left(await useCases.getConversation.execute(carol.claims, id))._tag).toBe('NotFound');
    expect(left(await useCases.getConversationHistory.execute(carol.claims, id, {}))._tag).toBe('NotFound');
    expect(left(await useCases.markConversationRead.execute(carol.claims, id))._tag).toBe('NotFound');
    expect(left(await useCases.checkParticipation.execute(carol.claims, id))._tag).toBe('NotFound');
    expect(left(await useCases.notifyTyping.execute(carol.claims, id, true))._tag).toBe('NotFound');

    expect(core.notifier.events).toEqual([]);
    expect((await core.infrastructure.messages.findById(sent.message.id))?.readAt).toBeNull();
  });

  it('answers NotFound for an unknown id and Validation for a malformed one', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    expect(left(await core.useCases.getConversation.execute(alice.claims, UNKNOWN_ID))._tag).toBe('NotFound');
    expect(left(await core.useCases.getConversation.execute(alice.claims, 'nope'))._tag).toBe('Validation');
    expect(left(await core.useCases.checkParticipation.execute(alice.claims, { $gt: '' }))._tag).toBe('Validation');
  });

  it('lets participants get it, check participation and tell the other one about typing', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const id = (await send(core, alice, bob, 'hi')).message.conversationId;

    const { conversation } = right(await core.useCases.getConversation.execute(bob.claims, id));
    expect(conversation).toMatchObject({ id, unreadCount: 1, otherParticipant: { id: alice.user.id } });
    expect(right(await core.useCases.checkParticipation.execute(alice.claims, id))).toEqual({ conversationId: id });

    right(await core.useCases.notifyTyping.execute(alice.claims, id, true));
    right(await core.useCases.notifyTyping.execute(alice.claims, id, false));
    expect(core.notifier.eventsFor(bob.user.id, 'user_typing')).toEqual([
      { conversationId: id, userId: alice.user.id, isTyping: true },
      { conversationId: id, userId: alice.user.id, isTyping: false },
    ]);
    expect(core.notifier.eventsFor(alice.user.id, 'user_typing')).toEqual([]);
  });
});

describe('conversation history', () => {
  it('pages back with limit 10 and nextBefore, visiting every message exactly once in order', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const ids = await converse(core, alice, bob, 25);
    const conversationId = (await core.infrastructure.messages.findById(ids[0]!))!.conversationId;

    const pages: string[][] = [];
    let before: string | null | undefined;
    for (let guard = 0; guard < 10; guard += 1) {
      const slice = await history(core, bob, conversationId, { limit: '10', ...(before ? { before } : {}) });
      pages.push(slice.messages.map((m) => m.id));
      expect(slice.hasMore).toBe(slice.nextBefore !== null);
      before = slice.nextBefore;
      if (!before) break;
    }
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages.reverse().flat()).toEqual(ids);
  });

  it('returns messages oldest first within a slice, with their content', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const ids = await converse(core, alice, bob, 3);
    const conversationId = (await core.infrastructure.messages.findById(ids[0]!))!.conversationId;
    const slice = await history(core, alice, conversationId, {});
    expect(slice.messages.map((m) => m.content)).toEqual(['message 1', 'message 2', 'message 3']);
    expect(slice).toMatchObject({ hasMore: false, nextBefore: null, nextAfter: ids[2] });
  });

  it('returns with `after` exactly the messages sent after the given one', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const ids = await converse(core, alice, bob, 12);
    const conversationId = (await core.infrastructure.messages.findById(ids[0]!))!.conversationId;
    const lastSeen = ids[6]!;
    const missed = [...ids.slice(7), ...(await converse(core, bob, alice, 3))];

    const slice = await history(core, alice, conversationId, { after: lastSeen });
    expect(slice.messages.map((m) => m.id)).toEqual(missed);
    expect(slice.hasMore).toBe(false);
    expect(slice.nextAfter).toBe(missed.at(-1));

    const caughtUp = await history(core, alice, conversationId, { after: slice.nextAfter });
    expect(caughtUp.messages).toEqual([]);
    expect(caughtUp.nextAfter).toBe(slice.nextAfter);

    const limited = await history(core, alice, conversationId, { after: lastSeen, limit: 3 });
    expect(limited.messages.map((m) => m.id)).toEqual(missed.slice(0, 3));
    expect(limited.hasMore).toBe(true);
    const rest = await history(core, alice, conversationId, { after: limited.nextAfter, limit: 50 });
    expect(rest.messages.map((m) => m.id)).toEqual(missed.slice(3));
  });

  it('numbers messages 1, 2, 3 and takes a position as `after` or `before`, from a query string too', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const ids = await converse(core, alice, bob, 6);
    const conversationId = (await core.infrastructure.messages.findById(ids[0]!))!.conversationId;

    const all = await history(core, bob, conversationId, {});
    expect(all.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    const after = await history(core, bob, conversationId, { after: '4' });
    expect(after.messages.map((m) => m.id)).toEqual(ids.slice(4));
    expect((await history(core, bob, conversationId, { after: 0, limit: 2 })).messages.map((m) => m.seq)).toEqual([
      1, 2,
    ]);
    expect((await history(core, bob, conversationId, { before: '3' })).messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(await history(core, bob, conversationId, { after: '6' })).toMatchObject({ messages: [], nextAfter: '6' });

    const conversation = right(await core.useCases.getConversation.execute(bob.claims, conversationId));
    expect(conversation.conversation.lastMessage).toMatchObject({ id: ids[5], seq: 6 });
    const received = core.notifier.eventsFor(bob.user.id, 'message_received');
    expect(received.map((event) => event.message.seq)).toEqual([1, 3, 5]);
  });

  it('refuses a message id of another conversation as a cursor', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const carol = await core.register('carol');
    const theirs = await send(core, alice, bob, 'to bob');
    const other = await send(core, alice, carol, 'to carol');
    const error = left(
      await core.useCases.getConversationHistory.execute(alice.claims, theirs.message.conversationId, {
        after: other.message.id,
      }),
    );
    expect(error).toMatchObject({ _tag: 'Validation', errors: [{ field: 'after' }] });
  });

  it('gives for page=2 the same slice as the second cursor page', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const ids = await converse(core, alice, bob, 25);
    const conversationId = (await core.infrastructure.messages.findById(ids[0]!))!.conversationId;

    const first = await history(core, alice, conversationId, { limit: 10 });
    const secondByCursor = await history(core, alice, conversationId, { limit: 10, before: first.nextBefore });
    const secondByPage = await history(core, alice, conversationId, { limit: 10, page: '2' });
    expect(secondByPage).toEqual(secondByCursor);
    expect(secondByPage.messages.map((m) => m.id)).toEqual(ids.slice(5, 15));

    const third = await history(core, alice, conversationId, { limit: 10, page: 3 });
    expect(third.messages.map((m) => m.id)).toEqual(ids.slice(0, 5));
    expect(third.nextBefore).toBeNull();
  });

  it.each([
    ['before and after together', { before: 'a'.repeat(24), after: 'b'.repeat(24) }],
    ['before and page together', { before: 'a'.repeat(24), page: 2 }],
    ['a malformed cursor', { before: 'abc' }],
    ['a negative position', { after: '-1' }],
    ['a fractional position', { after: '1.5' }],
    ['limit 0', { limit: 0 }],
    ['limit 101', { limit: '101' }],
  ])('refuses %s with a Validation error', async (_name, query) => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const id = (await send(core, alice, bob, 'hi')).message.conversationId;
    expect(left(await core.useCases.getConversationHistory.execute(alice.claims, id, query))._tag).toBe('Validation');
  });
});

describe('marking a conversation read', () => {
  it('marks the caller’s unread messages, sends a receipt per message to the sender, and marks nothing the second time', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const a1 = await send(core, alice, bob, 'one');
    const a2 = await send(core, alice, bob, 'two');
    const mine = await send(core, bob, alice, 'my own message');
    const a3 = await send(core, alice, bob, 'three');
    right(await core.useCases.markMessageRead.execute(bob.claims, a2.message.id));
    const conversationId = a1.message.conversationId;
    core.clock.advance(2_000);
    const readAt = core.clock.now().toISOString();

    expect(right(await core.useCases.markConversationRead.execute(bob.claims, conversationId))).toEqual({
      markedCount: 2,
    });
    const receipts = core.notifier.eventsFor(alice.user.id, 'message_read');
    expect(receipts.slice(1)).toEqual(
      [a1, a3].map((sent) => ({
        messageId: sent.message.id,
        conversationId,
        readerId: bob.user.id,
        readAt,
        cursor: expect.stringMatching(/^[0-9a-f]{24}:\d+$/),
      })),
    );
    for (const sent of [a1, a3]) {
      expect((await core.infrastructure.messages.findById(sent.message.id))?.readAt?.toISOString()).toBe(readAt);
    }
    expect((await core.infrastructure.messages.findById(mine.message.id))?.readAt).toBeNull();
    expect(core.notifier.eventsFor(bob.user.id, 'message_read')).toEqual([]);

    expect(right(await core.useCases.markConversationRead.execute(bob.claims, conversationId))).toEqual({
      markedCount: 0,
    });
    expect(core.notifier.eventsFor(alice.user.id, 'message_read')).toHaveLength(3);
    expect(right(await core.useCases.getUnreadCount.execute(bob.claims)).unreadCount).toBe(0);
  });

  it('skips deleted messages', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const gone = await send(core, alice, bob, 'gone');
    await send(core, alice, bob, 'kept');
    right(await core.useCases.deleteMessage.execute(alice.claims, gone.message.id));
    expect(right(await core.useCases.markConversationRead.execute(bob.claims, gone.message.conversationId))).toEqual({
      markedCount: 1,
    });
    expect((await core.infrastructure.messages.findById(gone.message.id))?.readAt).toBeNull();
  });
});
