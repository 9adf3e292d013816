import { expect, it } from 'vitest';
import { at } from './contract-ids.js';
import { ALICE, BOB, CAROL, type MessageContractFixture } from './message-repository-fixture.js';

/** Marking read and delivered, deleting, editing, and the unread counts that follow. */
export const messageUpdateCases = (f: MessageContractFixture): void => {
  const { nextId, stored, storedMany } = f;

  it('lets only the receiver mark a message read, once: a second call keeps the first time', async () => {
    const message = await stored();

    expect(await f.repository.markRead(message.id, ALICE, at(1))).toEqual(message);
    expect(await f.repository.markRead(message.id, BOB, at(2))).toEqual({ ...message, readAt: at(2) });
    expect(await f.repository.markRead(message.id, BOB, at(3))).toEqual({ ...message, readAt: at(2) });
    expect(await f.repository.findById(message.id)).toEqual({ ...message, readAt: at(2) });
    expect(await f.repository.markRead(nextId(), BOB, at(3))).toBeNull();
  });

  it('marks a message delivered once: only the call that set it says marked, both get the message after', async () => {
    const message = await stored();
    const delivered = { ...message, deliveredAt: at(1) };
    expect(await f.repository.markDelivered(message.id, at(1))).toEqual({ message: delivered, marked: true });
    expect(await f.repository.markDelivered(message.id, at(2))).toEqual({ message: delivered, marked: false });
    expect(await f.repository.findById(message.id)).toEqual(delivered);
    expect(await f.repository.markDelivered(nextId(), at(2))).toBeNull();
  });

  it("marks a conversation read: only the reader's unread, undeleted messages there, returning those", async () => {
    const unread = await storedMany(3);
    const alreadyRead = await stored({ readAt: at(0) });
    const deleted = await stored({ deletedAt: at(0) });
    const mine = await stored({ senderId: BOB, receiverId: ALICE });
    const elsewhere = await stored({ conversationId: nextId() });

    const marked = await f.repository.markConversationRead(f.conversationId, BOB, at(50));
    expect(marked.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(unread.map(({ id }) => ({ id, senderId: ALICE })));
    for (const message of unread) expect((await f.repository.findById(message.id))?.readAt).toEqual(at(50));
    expect(await f.repository.findById(alreadyRead.id)).toEqual(alreadyRead);
    expect(await f.repository.findById(deleted.id)).toEqual(deleted);
    expect(await f.repository.findById(mine.id)).toEqual(mine);
    expect(await f.repository.findById(elsewhere.id)).toEqual(elsewhere);
    expect(await f.repository.markConversationRead(f.conversationId, BOB, at(60))).toEqual([]);
  });

  it('lets only the sender delete a message, once, erasing its content: a second call keeps the first time', async () => {
    const message = await stored();

    expect(await f.repository.softDelete(message.id, BOB, at(1))).toEqual(message);
    const deleted = { ...message, content: '', deletedAt: at(2) };
    expect(await f.repository.softDelete(message.id, ALICE, at(2))).toEqual(deleted);
    expect(await f.repository.softDelete(message.id, ALICE, at(3))).toEqual(deleted);
    expect(await f.repository.findById(message.id)).toEqual(deleted);
    expect(await f.repository.softDelete(nextId(), ALICE, at(3))).toBeNull();
  });

  it('lets only the sender edit a message that is not deleted, replacing its content and setting editedAt', async () => {
    const message = await stored();

    expect(await f.repository.edit(message.id, BOB, 'not mine', at(1))).toEqual(message);
    const edited = { ...message, content: 'changed', editedAt: at(2) };
    expect(await f.repository.edit(message.id, ALICE, 'changed', at(2))).toEqual(edited);
    const again = { ...message, content: 'again', editedAt: at(3) };
    expect(await f.repository.edit(message.id, ALICE, 'again', at(3))).toEqual(again);
    expect(await f.repository.findById(message.id)).toEqual(again);
    expect(await f.repository.edit(nextId(), ALICE, 'nothing', at(3))).toBeNull();

    const deleted = await f.repository.softDelete(message.id, ALICE, at(4));
    expect(await f.repository.edit(message.id, ALICE, 'back?', at(5))).toEqual(deleted);
    expect(await f.repository.findById(message.id)).toMatchObject({ content: '', deletedAt: at(4) });
  });

  it('ends deleted when edits and a delete of one message race: the content never comes back', async () => {
    const message = await stored({ content: 'secret' });
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => f.repository.edit(message.id, ALICE, `edit ${i}`, at(1))),
      f.repository.softDelete(message.id, ALICE, at(1)),
      ...Array.from({ length: 5 }, (_, i) => f.repository.edit(message.id, ALICE, `late ${i}`, at(2))),
    ]);
    expect(await f.repository.findById(message.id)).toMatchObject({ content: '', deletedAt: expect.any(Date) });
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
    await f.repository.markRead(read.id, BOB, at(1));
    await f.repository.softDelete(deleted.id, ALICE, at(1));

    expect(await f.repository.countUnreadByConversation(BOB)).toEqual(
      new Map([
        [f.conversationId, 3],
        [other, 1],
      ]),
    );
    expect(await f.repository.countUnreadByConversation(BOB, [other, third, nextId()])).toEqual(new Map([[other, 1]]));
    expect(await f.repository.countUnreadByConversation(BOB, [])).toEqual(new Map());
    expect(await f.repository.countUnreadByConversation(ALICE)).toEqual(new Map([[f.conversationId, 1]]));
    expect(await f.repository.countUnreadByConversation(nextId())).toEqual(new Map());

    await f.repository.markConversationRead(f.conversationId, BOB, at(2));
    expect(await f.repository.countUnreadByConversation(BOB)).toEqual(new Map([[other, 1]]));
  });
};
