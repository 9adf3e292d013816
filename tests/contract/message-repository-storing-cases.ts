import { expect, it } from 'vitest';
import { at, T0 } from './contract-ids.js';
import { ALICE, BOB, type MessageContractFixture } from './message-repository-fixture.js';

/** Inserting: positions, lookups by id and key, duplicates refused, copies handed out. */
export const messageStoringCases = (f: MessageContractFixture): void => {
  const { aMessage, nextId, stored, storedMany } = f;

  it('stores a message at the first position and finds it by id', async () => {
    const draft = aMessage({ deliveredAt: at(1), messageType: 'auto' });
    const message = { ...draft, seq: 1 };
    expect(await f.repository.insert(draft)).toEqual(message);
    expect(await f.repository.findById(message.id)).toEqual(message);
    expect(await f.repository.findById(nextId())).toBeNull();
    expect(await f.repository.findById('not-an-id')).toBeNull();
  });

  it('finds the messages of several ids at once, skipping ids it does not hold', async () => {
    const [first, second] = await storedMany(2);
    const found = await f.repository.findManyByIds([second!.id, nextId(), first!.id, 'not-an-id', first!.id]);
    expect(found.sort((a, b) => a.seq - b.seq)).toEqual([first, second]);
    expect(await f.repository.findManyByIds([])).toEqual([]);
  });

  it('stores any number of messages of one sender without a client id or an auto-message id', async () => {
    const first = await stored();
    const second = await stored();
    expect(await f.repository.findById(first.id)).toEqual(first);
    expect(await f.repository.findById(second.id)).toEqual(second);
  });

  it('refuses a second message with the same client id from the same sender, but not from another sender', async () => {
    const original = await stored({ clientMessageId: 'c-1' });
    expect(await f.repository.insert(aMessage({ clientMessageId: 'c-1', content: 'again' }))).toEqual({
      duplicate: 'clientMessageId',
      original,
    });
    const fromBob = await stored({ clientMessageId: 'c-1', senderId: BOB, receiverId: ALICE });

    expect(await f.repository.findByClientMessageId(ALICE, 'c-1')).toEqual(original);
    expect(await f.repository.findByClientMessageId(BOB, 'c-1')).toEqual(fromBob);
    expect(await f.repository.findByClientMessageId(ALICE, 'c-2')).toBeNull();
    expect((await f.repository.history(f.conversationId, { limit: 10 })).messages).toHaveLength(2);
  });

  it('refuses a second message for the same auto-message', async () => {
    const autoMessageId = nextId();
    const original = await stored({ autoMessageId, messageType: 'auto' });
    expect(await f.repository.insert(aMessage({ autoMessageId, messageType: 'auto' }))).toEqual({
      duplicate: 'autoMessageId',
      original,
    });
    expect(await f.repository.findByAutoMessageId(autoMessageId)).toEqual(original);
    expect(await f.repository.findByAutoMessageId(nextId())).toBeNull();
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
    expect(await f.repository.insert(aMessage({ clientMessageId: 'c-1' }))).toEqual({
      duplicate: 'clientMessageId',
      original,
    });
    expect((await stored()).seq).toBe(2);
  });

  it('gives the next free position whatever the hint: behind, absent, or exact', async () => {
    await storedMany(3);
    const behind = await f.repository.insert(aMessage(), 1);
    const absent = await f.repository.insert(aMessage());
    const exact = await f.repository.insert(aMessage(), 5);
    expect([behind, absent, exact].map((message) => ('seq' in message ? message.seq : message))).toEqual([4, 5, 6]);
  });

  it('gives 20 concurrent inserts into one conversation the positions 1 to 20, each once', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        f.repository.insert(aMessage({ content: `m${i}` }), i % 2 === 0 ? 0 : undefined),
      ),
    );
    const positions = results.map((result) => ('seq' in result ? result.seq : 0)).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const history = await f.repository.history(f.conversationId, { limit: 100 });
    expect(history.messages.map((message) => message.seq)).toEqual(positions);
  });

  it('hands out copies: changing what it returned or was given does not change what it stores', async () => {
    const message = aMessage();
    await f.repository.insert(message);
    (message.createdAt as Date).setTime(0);
    (message as { content: string }).content = 'changed';
    const found = await f.repository.findById(message.id);
    const readAt = at(5);
    await f.repository.markRead(message.id, BOB, readAt);
    readAt.setTime(0);
    (found?.createdAt as Date).setTime(0);
    const page = await f.repository.history(f.conversationId, { limit: 1 });
    (page.messages[0]?.readAt as Date).setTime(0);

    expect(await f.repository.findById(message.id)).toMatchObject({ content: 'hello', createdAt: T0, readAt: at(5) });
  });
};
