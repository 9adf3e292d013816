import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../client/src/key-value-storage.js';
import { OutboxDispatcher, type AttemptOutcome } from '../../client/src/outbox-dispatcher.js';
import { Outbox, outboxKey, type OutboxEntry } from '../../client/src/outbox.js';
import type { StoredMessage } from '../../client/src/public-types.js';
import { eventually } from '../support/eventually.js';
import { storedMessage } from './support/message-factory.js';

const entry = (id: string, lane = 'user:b'): OutboxEntry => ({
  clientMessageId: id,
  conversationId: null,
  receiverId: 'b'.repeat(24),
  content: `content ${id}`,
  createdAt: new Date().toISOString(),
  lane,
  failure: null,
});

const stored = (seq: number): StoredMessage => ({
  message: storedMessage(seq, { mine: true }),
  conversation: {
    id: 'c',
    kind: 'direct',
    participants: [],
    title: null,
    ownerId: null,
    lastMessage: null,
    lastActivityAt: '',
    createdAt: '',
  },
  cursor: `${'c'.repeat(24)}:${seq}`,
});

const FAST = { baseMs: 1, maxMs: 5 };

describe('the outbox', () => {
  it('is kept in storage under the user, and read back by the next run', async () => {
    const storage = memoryStorage();
    const outbox = new Outbox(storage, outboxKey('u1'));
    await outbox.add(entry('1'));
    await outbox.add(entry('2'));
    outbox.remove('1');
    await outbox.flushed();
    const next = new Outbox(storage, outboxKey('u1'));
    expect((await next.load()).map((e) => e.clientMessageId)).toEqual(['2']);
    expect(await new Outbox(storage, outboxKey('u2')).load()).toEqual([]);
  });

  it('sends one entry per lane at a time, in order, retrying the same one until it is stored', async () => {
    const outbox = new Outbox(memoryStorage(), 'k');
    const attempts: string[] = [];
    const storedOrder: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const dispatcher = new OutboxDispatcher(outbox, {
      attempt: async (e): Promise<AttemptOutcome> => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        attempts.push(e.clientMessageId);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        // Every entry fails twice before it gets through.
        return attempts.filter((a) => a === e.clientMessageId).length < 3
          ? { kind: 'retry', reason: 'no answer' }
          : { kind: 'stored', stored: stored(1) };
      },
      onStored: (e) => storedOrder.push(e.clientMessageId),
      onRefused: () => undefined,
      backoff: FAST,
    });
    for (const id of ['1', '2', '3']) await outbox.add(entry(id));
    dispatcher.kick();
    await eventually(async () => expect(storedOrder).toEqual(['1', '2', '3']));
    expect(attempts).toEqual(['1', '1', '1', '2', '2', '2', '3', '3', '3']);
    expect(maxInFlight).toBe(1);
    expect(outbox.entries()).toEqual([]);
  });

  it('runs lanes side by side, and a refusal only sets its entry aside', async () => {
    const outbox = new Outbox(memoryStorage(), 'k');
    const storedIds: string[] = [];
    const dispatcher = new OutboxDispatcher(outbox, {
      attempt: async (e): Promise<AttemptOutcome> =>
        e.clientMessageId === 'bad'
          ? { kind: 'refused', failure: { status: 400, code: 'VALIDATION_FAILED', message: 'blank' } }
          : { kind: 'stored', stored: stored(1) },
      onStored: (e) => storedIds.push(e.clientMessageId),
      onRefused: () => undefined,
      backoff: FAST,
    });
    await outbox.add(entry('x1', 'user:x'));
    await outbox.add(entry('bad', 'user:y'));
    await outbox.add(entry('y2', 'user:y'));
    dispatcher.kick();
    await eventually(async () => expect(storedIds.sort()).toEqual(['x1', 'y2']));
    expect(outbox.entries()).toMatchObject([{ clientMessageId: 'bad', failure: { code: 'VALIDATION_FAILED' } }]);
  });

  it('drops an entry acknowledged by another path while its attempt was out', async () => {
    const outbox = new Outbox(memoryStorage(), 'k');
    const onStored: string[] = [];
    let release!: () => void;
    const dispatcher = new OutboxDispatcher(outbox, {
      attempt: () =>
        new Promise<AttemptOutcome>((resolve) => {
          release = () => resolve({ kind: 'retry', reason: 'timeout' });
        }),
      onStored: (e) => onStored.push(e.clientMessageId),
      onRefused: () => undefined,
      backoff: FAST,
    });
    await outbox.add(entry('1'));
    dispatcher.kick();
    await eventually(async () => expect(release).toBeTypeOf('function'));
    outbox.remove('1'); // seen stored in a catch-up
    release();
    await eventually(async () => expect(outbox.entries()).toEqual([]));
    expect(onStored).toEqual([]);
  });

  it('stops at once when stopped, leaving the entries stored', async () => {
    const storage = memoryStorage();
    const outbox = new Outbox(storage, 'k');
    const dispatcher = new OutboxDispatcher(outbox, {
      attempt: async (): Promise<AttemptOutcome> => ({ kind: 'retry', reason: 'offline' }),
      onStored: () => undefined,
      onRefused: () => undefined,
      backoff: { baseMs: 60_000, maxMs: 60_000 },
    });
    await outbox.add(entry('1'));
    dispatcher.kick();
    dispatcher.stop();
    expect((await new Outbox(storage, 'k').load()).map((e) => e.clientMessageId)).toEqual(['1']);
  });
});
