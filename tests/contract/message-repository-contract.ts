import { beforeEach, describe, expect, it } from 'vitest';
import type { Message, MessageDraft } from '../../src/domain/message.js';
import type { MessageRepository } from '../../src/ports/message-repository.js';
import { at, idSequence, T0 } from './contract-ids.js';

/** Each call gives an empty repository. */
export type MessageRepositoryFactory = () => Promise<MessageRepository>;

const ALICE = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const BOB = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const CAROL = 'cccccccccccccccccccccccc';

export const describeMessageRepositoryContract = (
  implementationName: string,
  factory: MessageRepositoryFactory,
): void => {
  describe(`MessageRepository contract: ${implementationName}`, () => {
    let repository: MessageRepository;
    let nextId: () => string;
    let conversationId: string;

    beforeEach(async () => {
      repository = await factory();
      nextId = idSequence();
      conversationId = nextId();
    });

    const aMessage = (overrides: Partial<MessageDraft> = {}): MessageDraft => ({
      id: nextId(),
      conversationId,
      senderId: ALICE,
      receiverId: BOB,
      content: 'hello',
      messageType: 'text',
      clientMessageId: null,
      autoMessageId: null,
      createdAt: new Date(T0),
      deliveredAt: null,
      readAt: null,
      deletedAt: null,
      editedAt: null,
      ...overrides,
    });

    const stored = async (overrides: Partial<MessageDraft> = {}): Promise<Message> => {
      const result = await repository.insert(aMessage(overrides));
      if ('duplicate' in result) throw new Error(`unexpected duplicate ${result.duplicate}`);
      return result;
    };

    const storedMany = async (count: number, overrides: Partial<MessageDraft> = {}): Promise<Message[]> => {
      const messages: Message[] = [];
      for (let i = 0; i < count; i += 1)
        messages.push(await stored({ content: `m${i}`, createdAt: at(i), ...overrides }));
      return messages;
    };

    const idsOf = (messages: readonly Message[]): string[] => messages.map((message) => message.id);

    it('stores a message at the first position and finds it by id', async () => {
      const draft = aMessage({ deliveredAt: at(1), messageType: 'auto' });
      const message = { ...draft, seq: 1 };
      expect(await repository.insert(draft)).toEqual(message);
      expect(await repository.findById(message.id)).toEqual(message);
      expect(await repository.findById(nextId())).toBeNull();
      expect(await repository.findById('not-an-id')).toBeNull();
    });

    it('finds the messages of several ids at once, skipping ids it does not hold', async () => {
      const [first, second] = await storedMany(2);
      const found = await repository.findManyByIds([second!.id, nextId(), first!.id, 'not-an-id', first!.id]);
      expect(found.sort((a, b) => a.seq - b.seq)).toEqual([first, second]);
      expect(await repository.findManyByIds([])).toEqual([]);
    });

    it('stores any number of messages of one sender without a client id or an auto-message id', async () => {
      const first = await stored();
      const second = await stored();
      expect(await repository.findById(first.id)).toEqual(first);
      expect(await repository.findById(second.id)).toEqual(second);
    });

    it('refuses a second message with the same client id from the same sender, but not from another sender', async () => {
      const original = await stored({ clientMessageId: 'c-1' });
      expect(await repository.insert(aMessage({ clientMessageId: 'c-1', content: 'again' }))).toEqual({
        duplicate: 'clientMessageId',
        original,
      });
      const fromBob = await stored({ clientMessageId: 'c-1', senderId: BOB, receiverId: ALICE });

      expect(await repository.findByClientMessageId(ALICE, 'c-1')).toEqual(original);
      expect(await repository.findByClientMessageId(BOB, 'c-1')).toEqual(fromBob);
      expect(await repository.findByClientMessageId(ALICE, 'c-2')).toBeNull();
      expect((await repository.history(conversationId, { limit: 10 })).messages).toHaveLength(2);
    });

    it('refuses a second message for the same auto-message', async () => {
      const autoMessageId = nextId();
      const original = await stored({ autoMessageId, messageType: 'auto' });
      expect(await repository.insert(aMessage({ autoMessageId, messageType: 'auto' }))).toEqual({
        duplicate: 'autoMessageId',
        original,
      });
      expect(await repository.findByAutoMessageId(autoMessageId)).toEqual(original);
      expect(await repository.findByAutoMessageId(nextId())).toBeNull();
    });

    it('numbers each conversation 1, 2, 3, … on its own', async () => {
      const other = nextId();
      const first = await storedMany(3);
      const elsewhere = await stored({ conversationId: other });
      const fourth = await stored();
      expect([...first, fourth].map((message) => message.seq)).toEqual([1, 2, 3, 4]);
      expect(elsewhere.seq).toBe(1);
    });

    it('takes no position for a refused duplicate', async () => {
      const original = await stored({ clientMessageId: 'c-1' });
      expect(await repository.insert(aMessage({ clientMessageId: 'c-1' }))).toEqual({
        duplicate: 'clientMessageId',
        original,
      });
      expect((await stored()).seq).toBe(2);
    });

    it('gives the next free position whatever the hint: behind, absent, or exact', async () => {
      await storedMany(3);
      const behind = await repository.insert(aMessage(), 1);
      const absent = await repository.insert(aMessage());
      const exact = await repository.insert(aMessage(), 5);
      expect([behind, absent, exact].map((message) => ('seq' in message ? message.seq : message))).toEqual([4, 5, 6]);
    });

    it('gives 20 concurrent inserts into one conversation the positions 1 to 20, each once', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          repository.insert(aMessage({ content: `m${i}` }), i % 2 === 0 ? 0 : undefined),
        ),
      );
      const positions = results.map((result) => ('seq' in result ? result.seq : 0)).sort((a, b) => a - b);
      expect(positions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const history = await repository.history(conversationId, { limit: 100 });
      expect(history.messages.map((message) => message.seq)).toEqual(positions);
    });

    it('gives the newest `limit` messages oldest first, and says whether older ones exist', async () => {
      const messages = await storedMany(5);
      await stored({ conversationId: nextId() });

      const page = await repository.history(conversationId, { limit: 3 });
      expect(idsOf(page.messages)).toEqual(idsOf(messages.slice(2)));
      expect(page.hasMore).toBe(true);
      expect(await repository.history(conversationId, { limit: 5 })).toEqual({ messages, hasMore: false });
      expect(await repository.history(nextId(), { limit: 5 })).toEqual({ messages: [], hasMore: false });
    });

    it('pages backwards with `before` through 25 messages, giving every message once, in order', async () => {
      const messages = await storedMany(25);
      const seen: Message[] = [];
      let page = await repository.history(conversationId, { limit: 10 });
      const pages = [page];
      while (page.hasMore) {
        page = await repository.history(conversationId, { limit: 10, before: page.messages[0]?.seq as number });
        pages.push(page);
      }
      for (const each of pages.reverse()) seen.push(...each.messages);

      expect(pages.map((each) => each.messages.length)).toEqual([5, 10, 10]);
      expect(idsOf(seen)).toEqual(idsOf(messages));
    });

    it('gives with `after` exactly the messages stored after a given one, oldest first', async () => {
      const before = await storedMany(4);
      const cursor = before[3] as Message;
      const missed = await storedMany(7, { senderId: BOB, receiverId: ALICE });

      const first = await repository.history(conversationId, { limit: 5, after: cursor.seq });
      expect(idsOf(first.messages)).toEqual(idsOf(missed.slice(0, 5)));
      expect(first.hasMore).toBe(true);
      const rest = await repository.history(conversationId, { limit: 5, after: first.messages[4]?.seq as number });
      expect(rest).toEqual({ messages: missed.slice(5), hasMore: false });
      expect(await repository.history(conversationId, { limit: 5, after: missed[6]?.seq as number })).toEqual({
        messages: [],
        hasMore: false,
      });
    });

    it('gives the messages between `after` and `before` when both are given', async () => {
      const messages = await storedMany(6);
      const page = await repository.history(conversationId, {
        limit: 10,
        after: messages[1]?.seq as number,
        before: messages[5]?.seq as number,
      });
      expect(page).toEqual({ messages: messages.slice(2, 5), hasMore: false });
    });

    it('lets only the receiver mark a message read, once: a second call keeps the first time', async () => {
      const message = await stored();

      expect(await repository.markRead(message.id, ALICE, at(1))).toEqual(message);
      expect(await repository.markRead(message.id, BOB, at(2))).toEqual({ ...message, readAt: at(2) });
      expect(await repository.markRead(message.id, BOB, at(3))).toEqual({ ...message, readAt: at(2) });
      expect(await repository.findById(message.id)).toEqual({ ...message, readAt: at(2) });
      expect(await repository.markRead(nextId(), BOB, at(3))).toBeNull();
    });

    it('marks a message delivered once: only the call that set it says marked, both get the message after', async () => {
      const message = await stored();
      const delivered = { ...message, deliveredAt: at(1) };
      expect(await repository.markDelivered(message.id, at(1))).toEqual({ message: delivered, marked: true });
      expect(await repository.markDelivered(message.id, at(2))).toEqual({ message: delivered, marked: false });
      expect(await repository.findById(message.id)).toEqual(delivered);
      expect(await repository.markDelivered(nextId(), at(2))).toBeNull();
    });

    it("marks a conversation read: only the reader's unread, undeleted messages there, returning those", async () => {
      const unread = await storedMany(3);
      const alreadyRead = await stored({ readAt: at(0) });
      const deleted = await stored({ deletedAt: at(0) });
      const mine = await stored({ senderId: BOB, receiverId: ALICE });
      const elsewhere = await stored({ conversationId: nextId() });

      const marked = await repository.markConversationRead(conversationId, BOB, at(50));
      expect(marked.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(unread.map(({ id }) => ({ id, senderId: ALICE })));
      for (const message of unread) expect((await repository.findById(message.id))?.readAt).toEqual(at(50));
      expect(await repository.findById(alreadyRead.id)).toEqual(alreadyRead);
      expect(await repository.findById(deleted.id)).toEqual(deleted);
      expect(await repository.findById(mine.id)).toEqual(mine);
      expect(await repository.findById(elsewhere.id)).toEqual(elsewhere);
      expect(await repository.markConversationRead(conversationId, BOB, at(60))).toEqual([]);
    });

    it('lets only the sender delete a message, once, erasing its content: a second call keeps the first time', async () => {
      const message = await stored();

      expect(await repository.softDelete(message.id, BOB, at(1))).toEqual(message);
      const deleted = { ...message, content: '', deletedAt: at(2) };
      expect(await repository.softDelete(message.id, ALICE, at(2))).toEqual(deleted);
      expect(await repository.softDelete(message.id, ALICE, at(3))).toEqual(deleted);
      expect(await repository.findById(message.id)).toEqual(deleted);
      expect(await repository.softDelete(nextId(), ALICE, at(3))).toBeNull();
    });

    it('lets only the sender edit a message that is not deleted, replacing its content and setting editedAt', async () => {
      const message = await stored();

      expect(await repository.edit(message.id, BOB, 'not mine', at(1))).toEqual(message);
      const edited = { ...message, content: 'changed', editedAt: at(2) };
      expect(await repository.edit(message.id, ALICE, 'changed', at(2))).toEqual(edited);
      const again = { ...message, content: 'again', editedAt: at(3) };
      expect(await repository.edit(message.id, ALICE, 'again', at(3))).toEqual(again);
      expect(await repository.findById(message.id)).toEqual(again);
      expect(await repository.edit(nextId(), ALICE, 'nothing', at(3))).toBeNull();

      const deleted = await repository.softDelete(message.id, ALICE, at(4));
      expect(await repository.edit(message.id, ALICE, 'back?', at(5))).toEqual(deleted);
      expect(await repository.findById(message.id)).toMatchObject({ content: '', deletedAt: at(4) });
    });

    it('ends deleted when edits and a delete of one message race: the content never comes back', async () => {
      const message = await stored({ content: 'secret' });
      await Promise.all([
        ...Array.from({ length: 5 }, (_, i) => repository.edit(message.id, ALICE, `edit ${i}`, at(1))),
        repository.softDelete(message.id, ALICE, at(1)),
        ...Array.from({ length: 5 }, (_, i) => repository.edit(message.id, ALICE, `late ${i}`, at(2))),
      ]);
      expect(await repository.findById(message.id)).toMatchObject({ content: '', deletedAt: expect.any(Date) });
    });

    it('counts unread messages per conversation, leaving out read, deleted and sent ones', async () => {
      const other = nextId();
      const third = nextId();
      await storedMany(3);
      const read = await stored();
      const deleted = await stored();
      await stored({ conversationId: other });
      await stored({ conversationId: third, readAt: at(0) });
      await stored({ senderId: BOB, receiverId: ALICE });
      await stored({ receiverId: CAROL });
      await repository.markRead(read.id, BOB, at(1));
      await repository.softDelete(deleted.id, ALICE, at(1));

      expect(await repository.countUnreadByConversation(BOB)).toEqual(
        new Map([
          [conversationId, 3],
          [other, 1],
        ]),
      );
      expect(await repository.countUnreadByConversation(BOB, [other, third, nextId()])).toEqual(new Map([[other, 1]]));
      expect(await repository.countUnreadByConversation(BOB, [])).toEqual(new Map());
      expect(await repository.countUnreadByConversation(ALICE)).toEqual(new Map([[conversationId, 1]]));
      expect(await repository.countUnreadByConversation(nextId())).toEqual(new Map());

      await repository.markConversationRead(conversationId, BOB, at(2));
      expect(await repository.countUnreadByConversation(BOB)).toEqual(new Map([[other, 1]]));
    });

    it('hands out copies: changing what it returned or was given does not change what it stores', async () => {
      const message = aMessage();
      await repository.insert(message);
      (message.createdAt as Date).setTime(0);
      (message as { content: string }).content = 'changed';
      const found = await repository.findById(message.id);
      const readAt = at(5);
      await repository.markRead(message.id, BOB, readAt);
      readAt.setTime(0);
      (found?.createdAt as Date).setTime(0);
      const page = await repository.history(conversationId, { limit: 1 });
      (page.messages[0]?.readAt as Date).setTime(0);

      expect(await repository.findById(message.id)).toMatchObject({ content: 'hello', createdAt: T0, readAt: at(5) });
    });
  });
};
