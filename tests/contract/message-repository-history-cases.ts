import { expect, it } from 'vitest';
import type { Message } from '../../src/domain/message.js';
import { ALICE, BOB, idsOf, type MessageContractFixture } from './message-repository-fixture.js';

/** Reading a conversation's history in pages, by position. */
export const messageHistoryCases = (f: MessageContractFixture): void => {
  const { nextId, stored, storedMany } = f;

  it('gives the newest `limit` messages oldest first, and says whether older ones exist', async () => {
    const messages = await storedMany(5);
    await stored({ conversationId: nextId() });

    const page = await f.repository.history(f.conversationId, { limit: 3 });
    expect(idsOf(page.messages)).toEqual(idsOf(messages.slice(2)));
    expect(page.hasMore).toBe(true);
    expect(await f.repository.history(f.conversationId, { limit: 5 })).toEqual({ messages, hasMore: false });
    expect(await f.repository.history(nextId(), { limit: 5 })).toEqual({ messages: [], hasMore: false });
  });

  it('pages backwards with `before` through 25 messages, giving every message once, in order', async () => {
    const messages = await storedMany(25);
    const seen: Message[] = [];
    let page = await f.repository.history(f.conversationId, { limit: 10 });
    const pages = [page];
    while (page.hasMore) {
      page = await f.repository.history(f.conversationId, { limit: 10, before: page.messages[0]?.seq as number });
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

    const first = await f.repository.history(f.conversationId, { limit: 5, after: cursor.seq });
    expect(idsOf(first.messages)).toEqual(idsOf(missed.slice(0, 5)));
    expect(first.hasMore).toBe(true);
    const rest = await f.repository.history(f.conversationId, { limit: 5, after: first.messages[4]?.seq as number });
    expect(rest).toEqual({ messages: missed.slice(5), hasMore: false });
    expect(await f.repository.history(f.conversationId, { limit: 5, after: missed[6]?.seq as number })).toEqual({
      messages: [],
      hasMore: false,
    });
  });

  it('gives the messages between `after` and `before` when both are given', async () => {
    const messages = await storedMany(6);
    const page = await f.repository.history(f.conversationId, {
      limit: 10,
      after: messages[1]?.seq as number,
      before: messages[5]?.seq as number,
    });
    expect(page).toEqual({ messages: messages.slice(2, 5), hasMore: false });
  });
};
