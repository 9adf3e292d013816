import { describe, expect, it } from 'vitest';
import { buildCore, left, right, type Core } from '../../../support/build-core.js';
import { history, send, type Registered } from '../support.js';

/** Sends `count` messages alternating between the two, returning their ids oldest first. */
const converse = async (core: Core, a: Registered, b: Registered, count: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const [from, to] = i % 2 === 0 ? [a, b] : [b, a];
    ids.push((await send(core, from, to, `message ${i + 1}`)).message.id);
  }
  return ids;
};

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
