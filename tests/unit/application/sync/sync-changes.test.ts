import { describe, expect, it } from 'vitest';
import type { ChangeView } from '../../../../src/application/sync/sync-changes.js';
import { buildCore, left, right, type Core } from '../../../support/build-core.js';
import { send, threeUsers, type Registered } from '../support.js';

const DAY_MS = 86_400_000;

const sync = (core: Core, user: Registered, query: Record<string, unknown> = {}) =>
  core.useCases.syncChanges.execute(user.claims, query);

/** Every page past `since`, `limit` changes at a time (ten pages at most): the pages, and the last cursor. */
const syncPages = async (core: Core, user: Registered, since: string, limit: number) => {
  const changes: ChangeView[] = [];
  const pages: Array<{ size: number; hasMore: boolean }> = [];
  let cursor = since;
  while (pages.length < 10) {
    const page = right(await sync(core, user, { since: cursor, limit }));
    changes.push(...page.changes);
    pages.push({ size: page.changes.length, hasMore: page.hasMore });
    cursor = page.nextCursor;
    if (!page.hasMore) return { changes, pages, cursor };
  }
  throw new Error(`still more after ${pages.length} pages of ${limit}`);
};

/** Per conversation, the positions of its changes in the order given. */
const positionsByConversation = (changes: readonly ChangeView[]) => {
  const positions = new Map<string, number[]>();
  for (const change of changes) {
    const [conversationId, position] = change.cursor.split(':');
    positions.set(conversationId!, [...(positions.get(conversationId!) ?? []), Number(position)]);
  }
  return positions;
};

describe('the change feed', () => {
  it('answers a first call without a cursor with no changes, only the cursor of where things stand', async () => {
    const core = buildCore();
    const { alice, bob, carol } = await threeUsers(core);
    const sent = await send(core, alice, bob, 'one');
    await send(core, bob, alice, 'two');

    // The conversation's creation and two messages.
    const conversationId = sent.message.conversationId;
    expect(right(await sync(core, bob))).toEqual({ changes: [], nextCursor: `${conversationId}:3`, hasMore: false });
    expect(right(await sync(core, carol))).toEqual({ changes: [], nextCursor: '', hasMore: false });
    expect(right(await sync(core, bob, { since: `${conversationId}:3` })).changes).toEqual([]);
  });

  it('gives every change past the cursor once, in order within each conversation, each as it is now', async () => {
    const core = buildCore();
    const { alice, bob, carol } = await threeUsers(core);
    const start = right(await sync(core, alice)).nextCursor;
    const withBob = await send(core, bob, alice, 'from bob');
    const withCarol = await send(core, carol, alice, 'from carol');
    await send(core, alice, bob, 'to bob');
    right(await core.useCases.markMessageRead.execute(alice.claims, withBob.message.id));
    await send(core, alice, carol, 'to carol');

    const page = right(await sync(core, alice, { since: start }));
    expect(page.hasMore).toBe(false);
    const ofConversation = (id: string) =>
      page.changes.filter((change) => change.conversationId === id).map((change) => change.type);
    expect(ofConversation(withBob.message.conversationId)).toEqual([
      'conversation_created',
      'message_created',
      'message_created',
      'message_read',
    ]);
    expect(ofConversation(withCarol.message.conversationId)).toEqual([
      'conversation_created',
      'message_created',
      'message_created',
    ]);
    expect(positionsByConversation(page.changes)).toEqual(
      new Map([
        [withBob.message.conversationId, [1, 2, 3, 4]],
        [withCarol.message.conversationId, [1, 2, 3]],
      ]),
    );
    const read = page.changes.find((change) => change.type === 'message_read');
    // The message as it is now: the read change shows it read, and so does its creation.
    expect(read?.data).toMatchObject({ readerId: alice.user.id, message: { id: withBob.message.id } });
    const created = page.changes.find(
      (change) => 'message' in change.data && change.data.message.id === withBob.message.id,
    );
    expect(created?.data).toMatchObject({ message: { content: 'from bob', readAt: expect.any(String) } });
    expect(page.nextCursor.split(',').sort()).toEqual(
      [`${withBob.message.conversationId}:4`, `${withCarol.message.conversationId}:3`].sort(),
    );
    expect(right(await sync(core, alice, { since: page.nextCursor })).changes).toEqual([]);
  });

  it('pages by limit: hasMore while more wait, and each nextCursor goes on where its page ended', async () => {
    const core = buildCore();
    const { alice, bob, carol } = await threeUsers(core);
    const start = right(await sync(core, alice)).nextCursor;
    for (let i = 0; i < 3; i += 1) {
      await send(core, bob, alice, `b${i}`);
      await send(core, carol, alice, `c${i}`);
    }

    const everything = right(await sync(core, alice, { since: start }));
    expect(everything.changes).toHaveLength(8);
    const paged = await syncPages(core, alice, start, 3);
    expect(paged.pages).toEqual([
      { size: 3, hasMore: true },
      { size: 3, hasMore: true },
      { size: 2, hasMore: false },
    ]);
    expect(paged.changes).toEqual(everything.changes);
    expect(paged.cursor).toBe(everything.nextCursor);
  });

  it('ignores a conversation the cursor names that is not the caller’s, and serves the caller’s own', async () => {
    const core = buildCore();
    const { alice, bob, carol } = await threeUsers(core);
    const theirs = (await send(core, alice, bob, 'not for carol')).message.conversationId;
    const mine = (await send(core, carol, alice, 'for carol')).message.conversationId;
    await send(core, alice, bob, 'still not for carol');

    const page = right(await sync(core, carol, { since: `${theirs}:1,${mine}:1` }));
    expect(page.changes.map((change) => [change.conversationId, change.type])).toEqual([[mine, 'message_created']]);
    expect(page.nextCursor).toBe(`${mine}:2`);
    expect(JSON.stringify(page)).not.toContain('not for carol');
  });

  it('answers CursorExpired to a cursor from before what pruning forgot, and a fresh start still works', async () => {
    const core = buildCore({ SYNC_RETENTION_DAYS: '1' });
    const { alice, bob, carol } = await threeUsers(core);
    await send(core, alice, bob, 'old');
    const stale = right(await sync(core, bob)).nextCursor;
    await send(core, alice, bob, 'missed');
    core.clock.advance(2 * DAY_MS);
    await send(core, alice, bob, 'new');
    await send(core, carol, bob, 'elsewhere');
    await core.useCases.pruneChanges.execute();

    expect(left(await sync(core, bob, { since: stale }))._tag).toBe('CursorExpired');
    const fresh = right(await sync(core, bob)).nextCursor;
    await send(core, alice, bob, 'after');
    expect(right(await sync(core, bob, { since: fresh })).changes.map((change) => change.type)).toEqual([
      'message_created',
    ]);
  });

  it('never serves deleted content, not even from the change that created the message or an edit of it', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const sent = await send(core, alice, bob, 'regret this');
    right(await core.useCases.editMessage.execute(alice.claims, sent.message.id, { content: 'regret this more' }));
    await send(core, bob, alice, 'what?');
    right(await core.useCases.deleteMessage.execute(alice.claims, sent.message.id));

    const { changes } = right(await sync(core, bob, { since: '' }));
    const ofTheMessage = changes.filter(
      (change) => 'message' in change.data && change.data.message.id === sent.message.id,
    );
    expect(ofTheMessage.map((change) => change.type)).toEqual(['message_created', 'message_edited', 'message_deleted']);
    for (const change of ofTheMessage) {
      expect(change.data, change.type).toMatchObject({ message: { content: '', isDeleted: true } });
    }
    expect(JSON.stringify(changes)).not.toContain('regret');
  });

  it('refuses a malformed cursor or limit (Validation)', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const id = 'a'.repeat(24);
    for (const query of [
      { since: 'garbage' },
      { since: 'abc:1' },
      { since: `${id}:0` },
      { since: `${id}:1,${id}:2` },
      { since: '', limit: 0 },
      { limit: 501 },
      { limit: 'many' },
    ]) {
      expect(left(await sync(core, alice, query))._tag, JSON.stringify(query)).toBe('Validation');
    }
    expect(right(await sync(core, alice, { since: '', limit: '500' })).changes).toEqual([]);
  });
});
