import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger, LogMeta } from '../../src/ports/logger.js';
import type { DeliveryAttempt, MessageQueue, QueuedAutoMessage } from '../../src/ports/message-queue.js';

export interface MessageQueueTestOptions {
  /** Unique per test, so suites sharing a broker never see each other's messages. */
  readonly name: string;
  readonly maxAttempts: number;
  readonly backoffMs: number;
  readonly prefetch: number;
  readonly logger: Logger;
}

export interface MessageQueueUnderTest {
  readonly queue: MessageQueue;
  /** Closes the queue (if still open) and removes whatever it created. */
  dispose(): Promise<void>;
}

export type MessageQueueFactory = (options: MessageQueueTestOptions) => Promise<MessageQueueUnderTest>;

interface LogEntry {
  readonly level: string;
  readonly message: string;
  readonly meta: LogMeta;
}

const recordingLogger = (entries: LogEntry[], bound: LogMeta = {}): Logger => {
  const log =
    (level: string) =>
    (message: string, meta: LogMeta = {}) =>
      entries.push({ level, message, meta: { ...bound, ...meta } });
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (meta) => recordingLogger(entries, { ...bound, ...meta }),
  };
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

const msg = (autoMessageId: string): QueuedAutoMessage => ({ autoMessageId });

const WAIT = { timeout: 10_000, interval: 20 };

export const describeMessageQueueContract = (implementationName: string, factory: MessageQueueFactory): void => {
  describe(`MessageQueue contract: ${implementationName}`, () => {
    let made: MessageQueueUnderTest[] = [];
    let logs: LogEntry[] = [];

    const createQueue = async (overrides: Partial<Omit<MessageQueueTestOptions, 'logger' | 'name'>> = {}) => {
      logs = [];
      const underTest = await factory({
        name: `contract-mq-${randomBytes(4).toString('hex')}`,
        maxAttempts: 3,
        backoffMs: 50,
        prefetch: 4,
        logger: recordingLogger(logs),
        ...overrides,
      });
      made.push(underTest);
      return underTest.queue;
    };

    afterEach(async () => {
      await Promise.all(made.map((underTest) => underTest.dispose()));
      made = [];
    });

    it('delivers a message published before consuming, with attempt 1, and acks it once handled', async () => {
      const queue = await createQueue();
      const seen: [QueuedAutoMessage, DeliveryAttempt][] = [];
      await queue.publish(msg('a1'));
      await queue.consume(async (message, attempt) => {
        seen.push([message, attempt]);
      });
      await vi.waitFor(() => expect(seen).toHaveLength(1), WAIT);
      await sleep(200);
      expect(seen).toEqual([[{ autoMessageId: 'a1' }, { attempt: 1, maxAttempts: 3 }]]);
      expect(await queue.deadLetters()).toEqual([]);
    });

    it('delivers every message published while consuming', async () => {
      const queue = await createQueue();
      const seen: string[] = [];
      await queue.consume(async ({ autoMessageId }) => {
        seen.push(autoMessageId);
      });
      const ids = Array.from({ length: 20 }, (_, i) => `m${i}`);
      await Promise.all(ids.map((id) => queue.publish(msg(id))));
      await vi.waitFor(() => expect(seen).toHaveLength(ids.length), WAIT);
      expect([...seen].sort()).toEqual([...ids].sort());
    });

    it('retries a failing message with a growing attempt number and a doubling backoff', async () => {
      const queue = await createQueue({ maxAttempts: 4, backoffMs: 60 });
      const attempts: { attempt: number; maxAttempts: number; at: number }[] = [];
      await queue.consume(async (_message, { attempt, maxAttempts }) => {
        attempts.push({ attempt, maxAttempts, at: Date.now() });
        if (attempt < 3) throw new Error(`attempt ${attempt} fails`);
      });
      await queue.publish(msg('flaky'));
      await vi.waitFor(() => expect(attempts).toHaveLength(3), WAIT);
      await sleep(300);
      expect(attempts.map(({ attempt, maxAttempts }) => ({ attempt, maxAttempts }))).toEqual([
        { attempt: 1, maxAttempts: 4 },
        { attempt: 2, maxAttempts: 4 },
        { attempt: 3, maxAttempts: 4 },
      ]);
      const [first, second, third] = attempts.map(({ at }) => at) as [number, number, number];
      expect(second - first).toBeGreaterThanOrEqual(55);
      expect(third - second).toBeGreaterThanOrEqual(115);
      expect(await queue.deadLetters()).toEqual([]);
    });

    it('dead-letters a message after maxAttempts failed attempts and stops delivering it', async () => {
      const queue = await createQueue({ maxAttempts: 3 });
      const attempts: number[] = [];
      await queue.consume(async ({ autoMessageId }, { attempt }) => {
        if (autoMessageId === 'poison') attempts.push(attempt);
        if (autoMessageId === 'poison') throw new Error('always fails');
      });
      await queue.publish(msg('poison'));
      await queue.publish(msg('fine'));
      await vi.waitFor(async () => expect(await queue.deadLetters()).toEqual([{ autoMessageId: 'poison' }]), WAIT);
      await sleep(300);
      expect(attempts).toEqual([1, 2, 3]);
      expect(await queue.deadLetters()).toEqual([{ autoMessageId: 'poison' }]);
    });

    it('counts the messages that wait: ready for a consumer, retrying after a failure, dead', async () => {
      const queue = await createQueue({ maxAttempts: 2, backoffMs: 30_000 });
      // Waited for: a broker's queue answers once connected.
      await vi.waitFor(async () => expect(await queue.depth()).toEqual({ ready: 0, retrying: 0, dead: 0 }), WAIT);
      await queue.publish(msg('fails-once'));
      await queue.publish(msg('fine'));
      await vi.waitFor(async () => expect(await queue.depth()).toEqual({ ready: 2, retrying: 0, dead: 0 }), WAIT);
      await queue.consume(async ({ autoMessageId }) => {
        if (autoMessageId === 'fails-once') throw new Error('fails');
      });
      await vi.waitFor(async () => expect(await queue.depth()).toEqual({ ready: 0, retrying: 1, dead: 0 }), WAIT);

      const dying = await createQueue({ maxAttempts: 1 });
      await dying.consume(async () => {
        throw new Error('always fails');
      });
      await dying.publish(msg('poison'));
      await vi.waitFor(async () => expect(await dying.depth()).toEqual({ ready: 0, retrying: 0, dead: 1 }), WAIT);
    });

    it('never runs more than prefetch handlers at once', async () => {
      const queue = await createQueue({ prefetch: 2 });
      const gates = new Map<string, ReturnType<typeof deferred>>();
      const done: string[] = [];
      let running = 0;
      let mostAtOnce = 0;
      await queue.consume(async ({ autoMessageId }) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        const gate = deferred();
        gates.set(autoMessageId, gate);
        await gate.promise;
        running--;
        done.push(autoMessageId);
      });
      for (let i = 0; i < 5; i++) await queue.publish(msg(`p${i}`));
      await vi.waitFor(() => expect(running).toBe(2), WAIT);
      await sleep(150);
      expect(running).toBe(2);
      while (done.length < 5) {
        for (const [id, gate] of gates) {
          gates.delete(id);
          gate.resolve();
        }
        await sleep(20);
      }
      expect(mostAtOnce).toBe(2);
      expect([...done].sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    });

    it('close stops consuming and waits for the handlers in flight', async () => {
      const queue = await createQueue({ prefetch: 1 });
      const gate = deferred();
      const started: string[] = [];
      const finished: string[] = [];
      await queue.consume(async ({ autoMessageId }) => {
        started.push(autoMessageId);
        await gate.promise;
        finished.push(autoMessageId);
      });
      await queue.publish(msg('first'));
      await queue.publish(msg('second'));
      await vi.waitFor(() => expect(started).toEqual(['first']), WAIT);
      let closed = false;
      const closing = queue.close().then(() => (closed = true));
      await sleep(150);
      expect(closed).toBe(false);
      gate.resolve();
      await closing;
      expect(finished).toEqual(['first']);
      await sleep(100);
      expect(started).toEqual(['first']);
    });

    it('dead-letters malformed bodies without calling the handler, and logs them', async () => {
      const queue = await createQueue();
      const seen: string[] = [];
      await queue.publish({} as QueuedAutoMessage);
      await queue.publish({ autoMessageId: 42 } as unknown as QueuedAutoMessage);
      await queue.publish(msg('well-formed'));
      await queue.consume(async ({ autoMessageId }) => {
        seen.push(autoMessageId);
      });
      await vi.waitFor(() => {
        expect(seen).toEqual(['well-formed']);
        expect(logs.filter((entry) => entry.level === 'error' && /malformed/.test(entry.message))).toHaveLength(2);
      }, WAIT);
      // deadLetters lists what it can decode: malformed entries are for operators' tools and the log.
      expect(await queue.deadLetters()).toEqual([]);
      expect(seen).toEqual(['well-formed']);
    });

    it('refuses a second consumer, and publishing or consuming after close', async () => {
      const queue = await createQueue();
      await queue.consume(async () => undefined);
      await expect(queue.consume(async () => undefined)).rejects.toThrow(/consumer/);
      await queue.close();
      await expect(queue.publish(msg('late'))).rejects.toThrow(/closed/);
      await expect(queue.consume(async () => undefined)).rejects.toThrow(/closed/);
      await queue.close();
    });
  });
};
