import { beforeEach, describe, expect, it } from 'vitest';
import type { Message, MessageDraft } from '../../src/domain/message.js';
import type { MessageRepository } from '../../src/ports/message-repository.js';
import { at, idSequence } from './contract-ids.js';
import type { MessageRepositoryFactory } from './message-repository-contract.js';

const ALICE = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const BOB = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const CAROL = 'cccccccccccccccccccccccc';

/** Messages of group conversations: no receiver, read and delivery kept as member positions elsewhere. */
export const describeGroupMessagesContract = (implementationName: string, factory: MessageRepositoryFactory): void => {
  describe(`MessageRepository contract, groups: ${implementationName}`, () => {
    let repository: MessageRepository;
    let nextId: () => string;
    let group: string;

    beforeEach(async () => {
      repository = await factory();
      nextId = idSequence();
      group = nextId();
    });

    const stored = async (overrides: Partial<MessageDraft> = {}): Promise<Message> => {
      const result = await repository.insert({
        id: nextId(),
        conversationId: group,
        senderId: ALICE,
        receiverId: null,
        content: 'hello all',
        messageType: 'text',
        clientMessageId: null,
        autoMessageId: null,
        createdAt: at(1),
        deliveredAt: null,
        readAt: null,
        deletedAt: null,
        editedAt: null,
        ...overrides,
      });
      if ('duplicate' in result) throw new Error(`unexpected duplicate ${result.duplicate}`);
      return result;
    };

    const storedMany = async (count: number): Promise<Message[]> => {
      const messages: Message[] = [];
      for (let i = 0; i < count; i += 1) messages.push(await stored({ content: `m${i}`, createdAt: at(i) }));
      return messages;
    };

    const seqsOf = (messages: readonly Message[]): number[] => messages.map((message) => message.seq);

    it('stores a message without a receiver, and keeps its read and delivery times null', async () => {
      const message = await stored();
      expect(message).toMatchObject({ seq: 1, receiverId: null, readAt: null, deliveredAt: null });
      expect(await repository.findById(message.id)).toEqual(message);

      expect(await repository.markDelivered(message.id, at(2))).toEqual({ message, marked: false });
      expect(await repository.markRead(message.id, BOB, at(3))).toEqual(message);
      expect(await repository.markConversationRead(group, BOB, at(3))).toEqual([]);
      expect(await repository.countUnreadByConversation(BOB)).toEqual(new Map());
    });

    it('serves history only above the floor, in every direction', async () => {
      await storedMany(6);
      const floor = 3;

      const newest = await repository.history(group, { limit: 10, floor });
      expect({ seqs: seqsOf(newest.messages), hasMore: newest.hasMore }).toEqual({ seqs: [4, 5, 6], hasMore: false });
      const last = await repository.history(group, { limit: 2, floor });
      expect({ seqs: seqsOf(last.messages), hasMore: last.hasMore }).toEqual({ seqs: [5, 6], hasMore: true });
      const older = await repository.history(group, { limit: 2, floor, before: 6 });
      expect({ seqs: seqsOf(older.messages), hasMore: older.hasMore }).toEqual({ seqs: [4, 5], hasMore: false });
      const sinceBelow = await repository.history(group, { limit: 2, floor, after: 1 });
      expect({ seqs: seqsOf(sinceBelow.messages), hasMore: sinceBelow.hasMore }).toEqual({
        seqs: [4, 5],
        hasMore: true,
      });
      const since = await repository.history(group, { limit: 10, floor, after: 4 });
      expect({ seqs: seqsOf(since.messages), hasMore: since.hasMore }).toEqual({ seqs: [5, 6], hasMore: false });
      expect(await repository.history(group, { limit: 10, floor: 6 })).toEqual({ messages: [], hasMore: false });
      expect(seqsOf((await repository.history(group, { limit: 10, floor: 0 })).messages)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('counts what others sent after a position and did not delete', async () => {
      await stored({ senderId: BOB });
      await stored({ senderId: CAROL });
      const deleted = await stored({ senderId: BOB });
      await stored({ senderId: ALICE });
      await stored({ senderId: CAROL });
      await repository.softDelete(deleted.id, BOB, at(5));

      expect(await repository.countUnreadAfter(group, ALICE, 0)).toBe(3);
      expect(await repository.countUnreadAfter(group, ALICE, 1)).toBe(2);
      expect(await repository.countUnreadAfter(group, ALICE, 5)).toBe(0);
      expect(await repository.countUnreadAfter(group, BOB, 0)).toBe(3);
      expect(await repository.countUnreadAfter(nextId(), BOB, 0)).toBe(0);
    });

    it('counts for several conversations at once, each after its own position, leaving out those with none', async () => {
      const other = nextId();
      const quiet = nextId();
      await stored({ senderId: BOB });
      await stored({ senderId: CAROL });
      await stored({ senderId: BOB, conversationId: other });
      await stored({ senderId: ALICE, conversationId: quiet });

      const counts = await repository.countUnreadAfterEach(
        ALICE,
        new Map([
          [group, 1],
          [other, 0],
          [quiet, 0],
        ]),
      );
      expect(counts).toEqual(
        new Map([
          [group, 1],
          [other, 1],
        ]),
      );
      expect(await repository.countUnreadAfterEach(ALICE, new Map())).toEqual(new Map());
    });
  });
};
