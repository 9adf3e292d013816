import { beforeEach, describe, expect, it } from 'vitest';
import type { BlockRepository } from '../../src/ports/block-repository.js';
import { at } from './contract-ids.js';

/** Each call gives an empty repository. */
export type BlockRepositoryFactory = () => Promise<BlockRepository>;

const ALICE = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const BOB = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const CAROL = 'cccccccccccccccccccccccc';
const DAVE = 'dddddddddddddddddddddddd';

export const describeBlockRepositoryContract = (implementationName: string, factory: BlockRepositoryFactory): void => {
  describe(`BlockRepository contract: ${implementationName}`, () => {
    let repository: BlockRepository;

    beforeEach(async () => {
      repository = await factory();
    });

    it('blocks one way only, once: a second block says so', async () => {
      expect(await repository.block(ALICE, BOB, at(1))).toBe(true);
      expect(await repository.block(ALICE, BOB, at(2))).toBe(false);
      expect(await repository.isBlocked(ALICE, BOB)).toBe(true);
      expect(await repository.isBlocked(BOB, ALICE)).toBe(false);
    });

    it('unblocks once, and unblocking nobody changes nothing', async () => {
      await repository.block(ALICE, BOB, at(1));
      expect(await repository.unblock(ALICE, BOB)).toBe(true);
      expect(await repository.unblock(ALICE, BOB)).toBe(false);
      expect(await repository.unblock(BOB, ALICE)).toBe(false);
      expect(await repository.isBlocked(ALICE, BOB)).toBe(false);
    });

    it('lists whom a user blocks, oldest first, and nobody else’s blocks', async () => {
      await repository.block(ALICE, CAROL, at(2));
      await repository.block(ALICE, BOB, at(1));
      await repository.block(BOB, DAVE, at(3));
      expect(await repository.blockedBy(ALICE)).toEqual([BOB, CAROL]);
      expect(await repository.blockedBy(CAROL)).toEqual([]);
    });

    it('finds, among some users, those blocked by or blocking a user', async () => {
      await repository.block(ALICE, BOB, at(1));
      await repository.block(CAROL, ALICE, at(2));
      await repository.block(BOB, DAVE, at(3));
      expect(await repository.blockedEitherWay(ALICE, [BOB, CAROL, DAVE])).toEqual(new Set([BOB, CAROL]));
      expect(await repository.blockedEitherWay(DAVE, [ALICE, CAROL])).toEqual(new Set());
      expect(await repository.blockedEitherWay(ALICE, [])).toEqual(new Set());
    });

    it('keeps one block when the same block is made ten times at once', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => repository.block(ALICE, BOB, at(i))));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await repository.blockedBy(ALICE)).toEqual([BOB]);
    });
  });
};
