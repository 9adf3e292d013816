import { beforeEach, describe, expect, it } from 'vitest';
import { planKeyOf, type AutoMessage, type AutoMessagePlan } from '../../src/domain/auto-message.js';
import type { AutoMessageRepository } from '../../src/ports/auto-message-repository.js';
import { at, idSequence, T0 } from './contract-ids.js';

/** Each call gives an empty repository. */
export type AutoMessageRepositoryFactory = () => Promise<AutoMessageRepository>;

const DAY = '2030-01-01';
const LEASE = 60;

export const describeAutoMessageRepositoryContract = (
  implementationName: string,
  factory: AutoMessageRepositoryFactory,
): void => {
  describe(`AutoMessageRepository contract: ${implementationName}`, () => {
    let repository: AutoMessageRepository;
    let nextId: () => string;
    let slot: number;

    beforeEach(async () => {
      repository = await factory();
      nextId = idSequence();
      slot = 0;
    });

    const anItem = (overrides: Partial<AutoMessage> = {}): AutoMessage => ({
      id: nextId(),
      planKey: planKeyOf(DAY, (slot += 1)),
      planDay: DAY,
      senderId: 'alice',
      receiverId: 'bob',
      content: 'Hi there!',
      sendAt: at(10),
      status: 'planned',
      leaseUntil: null,
      retryCount: 0,
      lastError: null,
      messageId: null,
      createdAt: new Date(T0),
      queuedAt: null,
      sentAt: null,
      ...overrides,
    });

    const stored = async (overrides: Partial<AutoMessage> = {}): Promise<AutoMessage> => {
      const item = anItem(overrides);
      expect(await repository.insertMany([item])).toBe(1);
      return item;
    };

    const aPlan = (content: string): AutoMessagePlan => ({
      day: DAY,
      pairs: [
        { senderId: 'alice', receiverId: 'bob', content, sendAt: at(100) },
        { senderId: 'carol', receiverId: 'dave', content: `${content} too`, sendAt: at(200) },
      ],
      createdAt: new Date(T0),
    });

    it("stores a day's plan once: later plans for that day get the stored one back", async () => {
      const first = aPlan('first');
      expect(await repository.savePlanIfAbsent(first)).toEqual(first);
      expect(await repository.savePlanIfAbsent({ ...aPlan('second'), createdAt: at(1) })).toEqual(first);

      const otherDay = { ...aPlan('other'), day: '2030-01-02' };
      expect(await repository.savePlanIfAbsent(otherDay)).toEqual(otherDay);
    });

    it('gives concurrent planners with different plans for one day the same stored plan', async () => {
      const plans = Array.from({ length: 8 }, (_, i) => aPlan(`plan ${i}`));
      const results = await Promise.all(plans.map((plan) => repository.savePlanIfAbsent(plan)));

      expect(plans).toContainEqual(results[0]);
      for (const result of results) expect(result).toEqual(results[0]);
      expect(await repository.savePlanIfAbsent(aPlan('late'))).toEqual(results[0]);
    });

    it('inserts items, skipping those whose plan key exists, and counts the new ones', async () => {
      const first = anItem();
      const second = anItem();
      expect(await repository.insertMany([first, second])).toBe(2);

      const third = anItem();
      const again = anItem({ planKey: first.planKey, content: 'replanned' });
      expect(await repository.insertMany([again, third, anItem({ planKey: third.planKey })])).toBe(1);
      expect(await repository.insertMany([])).toBe(0);

      expect(await repository.findById(first.id)).toEqual(first);
      expect(await repository.findById(third.id)).toEqual(third);
      expect(await repository.findById(again.id)).toBeNull();
      expect(await repository.findById('not-an-id')).toBeNull();
      expect((await repository.countByStatus()).planned).toBe(3);
    });

    it('claims nothing before an item is due', async () => {
      await stored({ sendAt: at(10) });
      expect(await repository.claimNextDue(at(9), at(9 + LEASE))).toBeNull();
    });

    it('claims a due item oldest first: queued, with the claim time and the lease', async () => {
      const later = await stored({ sendAt: at(8) });
      const oldest = await stored({ sendAt: at(5) });
      await stored({ sendAt: at(50) });

      const claimed = await repository.claimNextDue(at(10), at(10 + LEASE));
      const expected = { ...oldest, status: 'queued', queuedAt: at(10), leaseUntil: at(10 + LEASE) };
      expect(claimed).toEqual(expected);
      expect(await repository.findById(oldest.id)).toEqual(expected);
      expect((await repository.claimNextDue(at(10), at(10 + LEASE)))?.id).toBe(later.id);
      expect(await repository.claimNextDue(at(10), at(10 + LEASE))).toBeNull();
    });

    it('does not reclaim an item while its lease runs, and reclaims it once the lease has passed', async () => {
      const item = await stored({ sendAt: at(1) });
      await repository.claimNextDue(at(10), at(10 + LEASE));

      expect(await repository.claimNextDue(at(10 + LEASE - 1), at(100 + LEASE))).toBeNull();
      const reclaimed = await repository.claimNextDue(at(10 + LEASE), at(10 + 2 * LEASE));
      expect(reclaimed).toEqual({
        ...item,
        status: 'queued',
        queuedAt: at(10 + LEASE),
        leaseUntil: at(10 + 2 * LEASE),
      });
    });

    it('lets 5 concurrent claimers claim each of 20 due items exactly once', async () => {
      const items = Array.from({ length: 20 }, (_, i) => anItem({ sendAt: at(i) }));
      expect(await repository.insertMany(items)).toBe(20);

      const claimedIds: string[] = [];
      const claimer = async (): Promise<void> => {
        for (;;) {
          const claimed = await repository.claimNextDue(at(100), at(100 + LEASE));
          if (!claimed) return;
          claimedIds.push(claimed.id);
        }
      };
      await Promise.all(Array.from({ length: 5 }, claimer));

      expect(claimedIds.sort()).toEqual(items.map((item) => item.id).sort());
    });

    it('marks an item sent once, with its message, ending the lease', async () => {
      const item = await stored({ sendAt: at(1) });
      await repository.claimNextDue(at(10), at(10 + LEASE));

      expect(await repository.markSent(item.id, 'message-1', at(11))).toBe(true);
      expect(await repository.markSent(item.id, 'message-2', at(12))).toBe(false);
      expect(await repository.findById(item.id)).toEqual({
        ...item,
        status: 'sent',
        queuedAt: at(10),
        leaseUntil: null,
        messageId: 'message-1',
        sentAt: at(11),
      });
      expect(await repository.claimNextDue(at(1_000), at(1_000 + LEASE))).toBeNull();
      expect(await repository.markSent(nextId(), 'message-3', at(12))).toBe(false);
    });

    it('lets exactly one of ten concurrent calls mark an item sent (that one announces the message)', async () => {
      const item = await stored({ sendAt: at(1) });
      await repository.claimNextDue(at(10), at(10 + LEASE));
      const wins = await Promise.all(
        Array.from({ length: 10 }, () => repository.markSent(item.id, 'message-1', at(11))),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await repository.findById(item.id)).toMatchObject({ status: 'sent', messageId: 'message-1' });
    });

    it('records a failed attempt: error, retry count and a new lease; the item stays queued until then', async () => {
      const item = await stored({ sendAt: at(1) });
      await repository.claimNextDue(at(10), at(10 + LEASE));

      await repository.recordFailure(item.id, 'boom', 1, at(500));
      expect(await repository.findById(item.id)).toEqual({
        ...item,
        status: 'queued',
        queuedAt: at(10),
        leaseUntil: at(500),
        retryCount: 1,
        lastError: 'boom',
      });
      expect(await repository.claimNextDue(at(499), at(499 + LEASE))).toBeNull();
      expect((await repository.claimNextDue(at(500), at(500 + LEASE)))?.id).toBe(item.id);
    });

    it('marks an item dead with its last error; a dead item is never claimed', async () => {
      const item = await stored({ sendAt: at(1) });
      await repository.claimNextDue(at(10), at(10 + LEASE));

      await repository.markDead(item.id, 'gave up', 3);
      expect(await repository.findById(item.id)).toMatchObject({ status: 'dead', lastError: 'gave up', retryCount: 3 });
      expect(await repository.claimNextDue(at(10_000), at(10_000 + LEASE))).toBeNull();
    });

    it('leaves a sent item sent when a late failure or death is reported for it', async () => {
      const item = await stored({ sendAt: at(1) });
      await repository.claimNextDue(at(10), at(10 + LEASE));
      await repository.markSent(item.id, 'message-1', at(11));
      const sent = await repository.findById(item.id);

      await repository.recordFailure(item.id, 'late', 1, at(100));
      await repository.markDead(item.id, 'late', 3);
      expect(await repository.findById(item.id)).toEqual(sent);
    });

    it('claims planned items and expired leases together in sendAt order', async () => {
      const early = await stored({ sendAt: at(1) });
      const middle = await stored({ sendAt: at(2) });
      expect((await repository.claimNextDue(at(3), at(5)))?.id).toBe(early.id);
      const late = await stored({ sendAt: at(4) });
      // At 6 the early item's lease has run out: it comes before the later planned ones again.
      expect((await repository.claimNextDue(at(6), at(100)))?.id).toBe(early.id);
      expect((await repository.claimNextDue(at(6), at(100)))?.id).toBe(middle.id);
      expect((await repository.claimNextDue(at(6), at(100)))?.id).toBe(late.id);
      expect(await repository.claimNextDue(at(6), at(100))).toBeNull();
    });

    it('lists the items of one planning day, earliest sendAt first', async () => {
      const late = await stored({ sendAt: at(30) });
      const early = await stored({ sendAt: at(20) });
      await stored({ planDay: '2026-11-25', planKey: planKeyOf('2026-11-25', 1) });
      expect(await repository.listByPlanDay(DAY)).toEqual([early, late]);
      expect(await repository.listByPlanDay('2031-06-01')).toEqual([]);
    });

    it('counts items by status, every status included', async () => {
      expect(await repository.countByStatus()).toEqual({ planned: 0, queued: 0, sent: 0, dead: 0 });
      const items = [await stored({ sendAt: at(1) }), await stored({ sendAt: at(2) }), await stored({ sendAt: at(3) })];
      await stored({ sendAt: at(50) });
      await repository.claimNextDue(at(10), at(10 + LEASE));
      await repository.claimNextDue(at(10), at(10 + LEASE));
      await repository.claimNextDue(at(10), at(10 + LEASE));
      await repository.markSent(items[0]?.id as string, 'm', at(11));
      await repository.markDead(items[1]?.id as string, 'x', 3);

      expect(await repository.countByStatus()).toEqual({ planned: 1, queued: 1, sent: 1, dead: 1 });
    });

    it('hands out copies: changing what it returned or was given does not change what it stores', async () => {
      const item = anItem({ sendAt: at(1) });
      await repository.insertMany([item]);
      (item.sendAt as Date).setTime(0);
      const claimed = await repository.claimNextDue(at(10), at(10 + LEASE));
      (claimed?.leaseUntil as Date).setTime(0);
      const plan = aPlan('first');
      const storedPlan = await repository.savePlanIfAbsent(plan);
      (plan.pairs[0]?.sendAt as Date).setTime(0);
      (storedPlan.pairs as unknown[]).length = 0;

      expect(await repository.findById(item.id)).toMatchObject({ sendAt: at(1), leaseUntil: at(10 + LEASE) });
      expect(await repository.savePlanIfAbsent(aPlan('second'))).toEqual(aPlan('first'));
    });
  });
};
