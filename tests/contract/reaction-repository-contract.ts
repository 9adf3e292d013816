import { beforeEach, describe, expect, it } from 'vitest';
import type { Reaction } from '../../src/domain/reaction.js';
import type { ReactionRepository } from '../../src/ports/reaction-repository.js';
import { at, idSequence } from './contract-ids.js';

/** Each call gives an empty repository. */
export type ReactionRepositoryFactory = () => Promise<ReactionRepository>;

const ALICE = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const BOB = 'bbbbbbbbbbbbbbbbbbbbbbbb';

export const describeReactionRepositoryContract = (
  implementationName: string,
  factory: ReactionRepositoryFactory,
): void => {
  describe(`ReactionRepository contract: ${implementationName}`, () => {
    let repository: ReactionRepository;
    let nextId: () => string;
    let messageId: string;
    let conversationId: string;

    beforeEach(async () => {
      repository = await factory();
      nextId = idSequence();
      messageId = nextId();
      conversationId = nextId();
    });

    const reaction = (userId: string, emoji: string, seconds = 0, message = messageId): Reaction => ({
      messageId: message,
      conversationId,
      userId,
      emoji,
      at: at(seconds),
    });

    it('adds a user’s emoji once: a second add of the same is present, others are added', async () => {
      expect(await repository.add(reaction(ALICE, '👍', 1), 20)).toBe('added');
      expect(await repository.add(reaction(ALICE, '👍', 2), 20)).toBe('present');
      expect(await repository.add(reaction(BOB, '👍', 3), 20)).toBe('added');
      expect(await repository.add(reaction(ALICE, '👍🏽', 4), 20)).toBe('added');

      expect(await repository.listFor([messageId])).toEqual([
        reaction(ALICE, '👍', 1),
        reaction(BOB, '👍', 3),
        reaction(ALICE, '👍🏽', 4),
      ]);
    });

    it('removes only what is there, and lists the reactions of several messages at once', async () => {
      const other = nextId();
      await repository.add(reaction(ALICE, '🎉', 1), 20);
      await repository.add(reaction(BOB, '🎉', 2, other), 20);

      expect(await repository.remove(messageId, BOB, '🎉')).toBe(false);
      expect(await repository.remove(messageId, ALICE, '🎉')).toBe(true);
      expect(await repository.remove(messageId, ALICE, '🎉')).toBe(false);
      expect(await repository.listFor([messageId, other, nextId()])).toEqual([reaction(BOB, '🎉', 2, other)]);
      expect(await repository.listFor([])).toEqual([]);
    });

    it('refuses a new emoji past the limit of different ones, but takes more of one already there', async () => {
      await repository.add(reaction(ALICE, '😀', 1), 2);
      await repository.add(reaction(ALICE, '😂', 2), 2);

      expect(await repository.add(reaction(BOB, '🥲', 3), 2)).toBe('full');
      expect(await repository.add(reaction(BOB, '😀', 4), 2)).toBe('added');
      expect((await repository.listFor([messageId])).map((r) => r.emoji)).toEqual(['😀', '😂', '😀']);
    });

    it('never keeps more different emoji than the limit when many are added at once', async () => {
      const emoji = ['😀', '😂', '🥲', '😎', '🤔', '😴', '🤯', '🥳'];
      const results = await Promise.all(emoji.map((e, i) => repository.add(reaction(i % 2 ? ALICE : BOB, e, i), 3)));
      const kept = new Set((await repository.listFor([messageId])).map((r) => r.emoji));
      expect(kept.size).toBeLessThanOrEqual(3);
      expect(results.filter((result) => result === 'added')).toHaveLength(kept.size);
    });
  });
};
