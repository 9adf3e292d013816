import { describe, expect, it } from 'vitest';
import { MAX_DISTINCT_REACTIONS } from '../../../../src/domain/reaction.js';
import { buildCore, left, right, type Core } from '../../../support/build-core.js';
import { aliceSentBob, anyCursor, UNKNOWN_ID, type Registered } from '../support.js';

/** The message_reaction events each of the users was sent. */
const reactionEvents = (core: Core, ...users: Registered[]) =>
  users.map((user) => core.notifier.eventsFor(user.user.id, 'message_reaction'));

const add = (core: Core, user: Registered, messageId: unknown, emoji: unknown) =>
  core.useCases.reactToMessage.add(user.claims, messageId, emoji);

const remove = (core: Core, user: Registered, messageId: unknown, emoji: unknown) =>
  core.useCases.reactToMessage.remove(user.claims, messageId, emoji);

/** Smileys one code point apart: 😀, 😁, 😂, … */
const distinctEmoji = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => String.fromCodePoint(0x1f600 + i));

describe('reacting to a message', () => {
  it('adds a reaction once: the second add changes nothing and answers a null cursor', async () => {
    const core = buildCore();
    const { alice, bob, messageId, conversationId } = await aliceSentBob(core, 'lunch?');

    const first = right(await add(core, bob, messageId, '👍'));
    expect(first).toEqual({
      message: expect.objectContaining({ id: messageId, reactions: [{ emoji: '👍', count: 1, reactedByMe: true }] }),
      cursor: anyCursor,
    });
    const again = right(await add(core, bob, messageId, '👍'));
    expect(again).toEqual({ message: first.message, cursor: null });

    const event = { messageId, conversationId, emoji: '👍', userId: bob.user.id, added: true, cursor: first.cursor };
    expect(reactionEvents(core, alice, bob)).toEqual([[event], [event]]);
  });

  it('removes a reaction once: removing it again, or one never added, answers a null cursor', async () => {
    const core = buildCore();
    const { alice, bob, messageId } = await aliceSentBob(core, 'lunch?');
    const added = right(await add(core, bob, messageId, '❤️'));

    const removed = right(await remove(core, bob, messageId, '❤️'));
    expect(removed).toEqual({ message: expect.objectContaining({ reactions: [] }), cursor: anyCursor });
    expect(right(await remove(core, bob, messageId, '❤️')).cursor).toBeNull();
    expect(right(await remove(core, alice, messageId, '🎉')).cursor).toBeNull();

    const [toAlice, toBob] = reactionEvents(core, alice, bob);
    expect(toBob).toEqual(toAlice);
    expect(toAlice?.map(({ emoji, userId, added: isAdded, cursor }) => [emoji, userId, isAdded, cursor])).toEqual([
      ['❤️', bob.user.id, true, added.cursor],
      ['❤️', bob.user.id, false, removed.cursor],
    ]);
  });

  it('counts each emoji, in the order it first appeared, with whether the viewer is among them', async () => {
    const core = buildCore();
    const { alice, bob, messageId, conversationId } = await aliceSentBob(core, 'lunch?');
    right(await add(core, bob, messageId, '👍'));
    core.clock.advance(1_000);
    right(await add(core, bob, messageId, '❤️'));
    core.clock.advance(1_000);
    const mine = right(await add(core, alice, messageId, '👍'));

    expect(mine.message.reactions).toEqual([
      { emoji: '👍', count: 2, reactedByMe: true },
      { emoji: '❤️', count: 1, reactedByMe: false },
    ]);
    const { messages } = right(await core.useCases.getConversationHistory.execute(bob.claims, conversationId, {}));
    expect(messages[0]?.reactions).toEqual([
      { emoji: '👍', count: 2, reactedByMe: true },
      { emoji: '❤️', count: 1, reactedByMe: true },
    ]);
  });

  it(`takes at most ${MAX_DISTINCT_REACTIONS} different emoji (Conflict), while one already there takes more people`, async () => {
    const core = buildCore();
    const { alice, bob, messageId } = await aliceSentBob(core, 'lunch?');
    const [first, ...rest] = distinctEmoji(MAX_DISTINCT_REACTIONS + 1);
    const one = [first!, ...rest.slice(0, MAX_DISTINCT_REACTIONS - 1)];
    for (const emoji of one) right(await add(core, bob, messageId, emoji));
    const beyond = rest[MAX_DISTINCT_REACTIONS - 1]!;
    core.notifier.clear();

    expect(left(await add(core, alice, messageId, beyond))._tag).toBe('Conflict');
    expect(reactionEvents(core, alice, bob)).toEqual([[], []]);
    const joined = right(await add(core, alice, messageId, first!));
    expect(joined.cursor).toEqual(anyCursor);
    expect(joined.message.reactions).toHaveLength(MAX_DISTINCT_REACTIONS);
    expect(joined.message.reactions[0]).toEqual({ emoji: first, count: 2, reactedByMe: true });

    // A place freed by removing the last of an emoji takes a new one.
    right(await remove(core, bob, messageId, one[1]!));
    expect(right(await add(core, alice, messageId, beyond)).message.reactions).toHaveLength(MAX_DISTINCT_REACTIONS);
  });

  it('refuses to add or remove reactions on a deleted message (Conflict)', async () => {
    const core = buildCore();
    const { alice, bob, messageId } = await aliceSentBob(core, 'lunch?');
    right(await add(core, bob, messageId, '👍'));
    right(await core.useCases.deleteMessage.execute(alice.claims, messageId));
    core.notifier.clear();

    expect(left(await add(core, bob, messageId, '😢'))._tag).toBe('Conflict');
    expect(left(await remove(core, bob, messageId, '👍'))._tag).toBe('Conflict');
    expect(reactionEvents(core, alice, bob)).toEqual([[], []]);
  });

  it('takes one emoji with its modifiers, nothing else (Validation)', async () => {
    const core = buildCore();
    const { bob, messageId } = await aliceSentBob(core, 'lunch?');
    for (const emoji of ['', 'a', ':+1:', '👍👍', '👍 ', 42, null]) {
      expect(left(await add(core, bob, messageId, emoji))._tag, String(emoji)).toBe('Validation');
      expect(left(await remove(core, bob, messageId, emoji))._tag, String(emoji)).toBe('Validation');
    }
    expect(left(await add(core, bob, 'not-an-id', '👍'))._tag).toBe('Validation');
    for (const emoji of ['👍🏽', '👩‍💻', '❤️']) {
      expect(right(await add(core, bob, messageId, emoji)).cursor, emoji).toEqual(anyCursor);
    }
  });

  it('answers NotFound to someone outside the conversation and for an unknown message, telling no one', async () => {
    const core = buildCore();
    const { alice, bob, carol, messageId, conversationId } = await aliceSentBob(core, 'lunch?');

    expect(left(await add(core, carol, messageId, '👀'))._tag).toBe('NotFound');
    expect(left(await remove(core, carol, messageId, '👀'))._tag).toBe('NotFound');
    expect(left(await add(core, alice, UNKNOWN_ID, '👀'))._tag).toBe('NotFound');
    expect(reactionEvents(core, alice, bob, carol)).toEqual([[], [], []]);
    const { messages } = right(await core.useCases.getConversationHistory.execute(alice.claims, conversationId, {}));
    expect(messages[0]?.reactions).toEqual([]);
  });

  it('records each change in the change feed once, at the cursor it answered', async () => {
    const core = buildCore();
    const { alice, bob, messageId } = await aliceSentBob(core, 'lunch?');
    const before = right(await core.useCases.syncChanges.execute(alice.claims, {})).nextCursor;

    const added = right(await add(core, bob, messageId, '👍'));
    right(await add(core, bob, messageId, '👍'));
    const removed = right(await remove(core, bob, messageId, '👍'));
    right(await remove(core, bob, messageId, '👍'));

    const { changes } = right(await core.useCases.syncChanges.execute(alice.claims, { since: before }));
    expect(changes.map((change) => [change.type, change.cursor, change.data])).toEqual([
      ['reaction_added', added.cursor, expect.objectContaining({ userId: bob.user.id, emoji: '👍' })],
      ['reaction_removed', removed.cursor, expect.objectContaining({ userId: bob.user.id, emoji: '👍' })],
    ]);
  });
});
