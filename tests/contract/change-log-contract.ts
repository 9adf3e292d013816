import { beforeEach, describe, expect, it } from 'vitest';
import type { Change, ChangeDraft, ChangeLog } from '../../src/ports/change-log.js';
import { at, idSequence } from './contract-ids.js';

/** Each call gives an empty log. */
export type ChangeLogFactory = () => Promise<ChangeLog>;

const READER = 'aaaaaaaaaaaaaaaaaaaaaaaa';

export const describeChangeLogContract = (implementationName: string, factory: ChangeLogFactory): void => {
  describe(`ChangeLog contract: ${implementationName}`, () => {
    let log: ChangeLog;
    let nextId: () => string;
    let conversation: string;

    beforeEach(async () => {
      log = await factory();
      nextId = idSequence();
      conversation = nextId();
    });

    let keys = 0;
    const created = (conversationId: string, seconds = 0) => ({
      key: `created:${(keys += 1)}:${nextId()}`,
      type: 'message_created' as const,
      messageId: nextId(),
      conversationId,
      at: at(seconds),
    });

    const recordMany = async (conversationId: string, count: number): Promise<Change[]> => {
      const changes: Change[] = [];
      for (let i = 0; i < count; i += 1) changes.push(await log.record(created(conversationId, i)));
      return changes;
    };

    const positionsOf = (changes: readonly Change[]) => changes.map((change) => [change.conversationId, change.pos]);

    it('records changes at positions 1, 2, 3 of their conversation, each conversation counting on its own', async () => {
      const other = nextId();
      const first = await log.record(created(conversation));
      const second = await log.record({ ...created(conversation), type: 'message_read', readerId: READER });
      const elsewhere = await log.record(created(other));

      expect([first.pos, second.pos, elsewhere.pos]).toEqual([1, 2, 1]);
      expect(second).toMatchObject({ type: 'message_read', readerId: READER, conversationId: conversation });
    });

    it('keeps every kind of change with what it names, and its time', async () => {
      const drafts: ChangeDraft[] = [
        { ...created(conversation), type: 'message_edited' },
        {
          key: 'r1',
          type: 'reaction_added',
          messageId: nextId(),
          userId: READER,
          emoji: '👍🏽',
          conversationId: conversation,
          at: at(5),
        },
        { key: 'c1', type: 'conversation_created', conversationId: conversation, at: at(6) },
      ];
      for (const draft of drafts) await log.record(draft);

      const { changes } = await log.since([conversation], new Map(), 10);
      expect(changes).toEqual(drafts.map((draft, index) => ({ ...draft, pos: index + 1 })));
    });

    it('keeps the changes of a group: members added and removed, a delivery to one member or to the receiver', async () => {
      const messageId = nextId();
      const drafts: ChangeDraft[] = [
        { key: 'm1', type: 'member_added', userId: READER, conversationId: conversation, at: at(1) },
        { key: 'd1', type: 'message_delivered', messageId, userId: READER, conversationId: conversation, at: at(2) },
        { key: 'd2', type: 'message_delivered', messageId, conversationId: conversation, at: at(3) },
        { key: 'm2', type: 'member_removed', userId: READER, conversationId: conversation, at: at(4) },
      ];
      for (const draft of drafts) await log.record(draft);

      const { changes } = await log.since([conversation], new Map(), 10);
      expect(changes).toEqual(drafts.map((draft, index) => ({ ...draft, pos: index + 1 })));
    });

    it('records a key once: the same key again answers the change recorded first and takes no position', async () => {
      const draft = created(conversation);
      const first = await log.record(draft);
      const again = await log.record({ ...draft, at: at(99) });
      const next = await log.record(created(conversation));

      expect(again).toEqual(first);
      expect(next.pos).toBe(2);
    });

    it('gives 20 concurrent writers of one conversation the positions 1 to 20', async () => {
      const changes = await Promise.all(Array.from({ length: 20 }, () => log.record(created(conversation))));
      expect(changes.map((change) => change.pos).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    });

    it('pages through the changes past what a reader has seen, in position order within each conversation', async () => {
      const other = nextId();
      const quiet = nextId();
      await recordMany(conversation, 4);
      await recordMany(other, 3);
      await recordMany(quiet, 1);
      const seen = new Map([
        [conversation, 1],
        [quiet, 1],
      ]);

      const collected: Change[] = [];
      let page = await log.since([conversation, other, quiet], seen, 2);
      collected.push(...page.changes);
      while (page.hasMore) {
        const positions = new Map(seen);
        for (const change of collected) positions.set(change.conversationId, change.pos);
        page = await log.since([conversation, other, quiet], positions, 2);
        expect(page.changes.length).toBeGreaterThan(0);
        collected.push(...page.changes);
      }

      const positions = positionsOf(collected);
      expect(positions.filter(([id]) => id === conversation)).toEqual([
        [conversation, 2],
        [conversation, 3],
        [conversation, 4],
      ]);
      expect(positions.filter(([id]) => id === other)).toEqual([
        [other, 1],
        [other, 2],
        [other, 3],
      ]);
      expect(positions).toHaveLength(6);
    });

    it('gives only the conversations asked for, and nothing when none are', async () => {
      await recordMany(conversation, 2);
      await recordMany(nextId(), 2);

      expect(positionsOf((await log.since([conversation], new Map(), 10)).changes)).toEqual([
        [conversation, 1],
        [conversation, 2],
      ]);
      expect(await log.since([], new Map(), 10)).toEqual({ changes: [], hasMore: false });
    });

    it('answers the latest position of each conversation that has changes', async () => {
      const other = nextId();
      await recordMany(conversation, 3);
      await recordMany(other, 1);

      expect(await log.latestPositions([conversation, other, nextId()])).toEqual(
        new Map([
          [conversation, 3],
          [other, 1],
        ]),
      );
    });

    it('prunes changes older than a time but keeps each conversation’s latest, so positions are never given twice', async () => {
      const other = nextId();
      await recordMany(conversation, 3); // at 0, 1, 2
      await recordMany(other, 2); // at 0, 1

      expect(await log.prune(at(5))).toBe(3);
      expect(positionsOf((await log.since([conversation, other], new Map(), 10)).changes).sort()).toEqual(
        [
          [conversation, 3],
          [other, 2],
        ].sort(),
      );
      expect((await log.record(created(conversation))).pos).toBe(4);
      expect(await log.prune(at(1))).toBe(0);
    });
  });
};
