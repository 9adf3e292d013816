import { describe, expect, it } from 'vitest';
import { buildCore, left, right, type Core } from '../../../support/build-core.js';
import { send, type Registered } from '../support.js';

const DAY_MS = 86_400_000;

const sync = async (core: Core, user: Registered, since?: string) =>
  core.useCases.syncChanges.execute(user.claims, since === undefined ? {} : { since });

describe('the change feed’s retention', () => {
  it('forgets changes older than SYNC_RETENTION_DAYS and tells a reader who fell behind them: CURSOR_EXPIRED', async () => {
    const core = buildCore({ SYNC_RETENTION_DAYS: '30' });
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    await send(core, alice, bob, 'old');
    const stale = right(await sync(core, bob)).nextCursor;
    await send(core, alice, bob, 'also old');
    core.clock.advance(31 * DAY_MS);
    await send(core, alice, bob, 'new');

    // The conversation's creation and the two old messages.
    expect(await core.useCases.pruneChanges.execute()).toEqual({ pruned: 3 });
    expect(left(await sync(core, bob, stale))).toMatchObject({ _tag: 'CursorExpired' });
  });

  it('keeps serving a reader whose cursor is past what was pruned', async () => {
    const core = buildCore({ SYNC_RETENTION_DAYS: '1' });
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    await send(core, alice, bob, 'old');
    core.clock.advance(2 * DAY_MS);
    const current = right(await sync(core, bob)).nextCursor;
    const sent = await send(core, alice, bob, 'new');

    expect((await core.useCases.pruneChanges.execute()).pruned).toBeGreaterThan(0);
    const page = right(await sync(core, bob, current));
    expect(page.changes.map((change) => change.type)).toEqual(['message_created']);
    expect(page.changes[0]!.data).toMatchObject({ message: { id: sent.message.id } });
  });

  it('never gives a position twice, even when every change of a conversation was old enough to prune', async () => {
    const core = buildCore({ SYNC_RETENTION_DAYS: '1' });
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const first = await send(core, alice, bob, 'one');
    const before = right(await sync(core, bob)).nextCursor;
    core.clock.advance(2 * DAY_MS);
    await core.useCases.pruneChanges.execute();
    const next = await send(core, alice, bob, 'two');

    expect(Number(next.cursor.split(':')[1])).toBeGreaterThan(Number(first.cursor.split(':')[1]));
    expect(right(await sync(core, bob, before)).changes.map((change) => change.cursor)).toEqual([next.cursor]);
  });
});
