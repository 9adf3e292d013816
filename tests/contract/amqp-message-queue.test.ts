import { randomBytes } from 'node:crypto';
import amqplib, { type Channel } from 'amqplib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AmqpHealthIndicator } from '../../src/adapters/amqp/amqp-health-indicator.js';
import { AmqpMessageQueue, type AmqpMessageQueueOptions } from '../../src/adapters/amqp/amqp-message-queue.js';
import type { Logger } from '../../src/ports/logger.js';
import { freePort } from '../support/services/free-port.js';
import { useService } from '../support/services/use-service.js';
import { silentLogger } from '../support/silent-logger.js';
import { startRelay } from '../support/tcp-relay.js';
import { describeMessageQueueContract } from './message-queue-contract.js';

const rabbitmq = useService('rabbitmq');

const WAIT = { timeout: 10_000, interval: 20 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const uniqueName = (label: string) => `amqp-mq-${label}-${randomBytes(4).toString('hex')}`;

const withChannel = async <T>(url: string, use: (channel: Channel) => Promise<T>): Promise<T> => {
  const connection = await amqplib.connect(url);
  try {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    return await use(channel);
  } finally {
    await connection.close();
  }
};

const deleteQueues = (url: string, names: readonly string[]) =>
  withChannel(url, async (channel) => {
    for (const name of names) await channel.deleteQueue(name);
  });

/** Queues made by one test; each is closed and its queues deleted afterwards. */
const tracked: AmqpMessageQueue[] = [];

const makeQueue = (options: Partial<AmqpMessageQueueOptions> & { queue: string }): AmqpMessageQueue => {
  const queue = new AmqpMessageQueue({ url: rabbitmq.url!, logger: silentLogger, reconnectDelayMs: 200, ...options });
  tracked.push(queue);
  return queue;
};

describe.skipIf(rabbitmq.skip)('AmqpMessageQueue', () => {
  afterEach(async () => {
    const queues = tracked.splice(0);
    await Promise.all(queues.map((queue) => queue.close()));
    const names = new Set(queues.flatMap((queue) => queue.queueNames()));
    await deleteQueues(rabbitmq.url!, [...names]);
  });

  describeMessageQueueContract('AmqpMessageQueue', async ({ name, maxAttempts, backoffMs, prefetch, logger }) => {
    const queue = new AmqpMessageQueue({ url: rabbitmq.url!, queue: name, logger, maxAttempts, backoffMs, prefetch });
    return {
      queue,
      dispose: async () => {
        await queue.close();
        await deleteQueues(rabbitmq.url!, queue.queueNames());
      },
    };
  });

  it('redelivers a message whose consumer died before acking it', async () => {
    const name = uniqueName('crash');
    const relay = await startRelay(rabbitmq.url!);
    const doomed = makeQueue({ queue: name, url: relay.url });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const startedOnDoomed: string[] = [];
    await doomed.consume(async ({ autoMessageId }) => {
      startedOnDoomed.push(autoMessageId);
      await released;
    });
    await doomed.publish({ autoMessageId: 'crash-1' });
    await vi.waitFor(() => expect(startedOnDoomed).toEqual(['crash-1']), WAIT);

    relay.cut();
    const survivor = makeQueue({ queue: name });
    const redelivered: { id: string; attempt: number }[] = [];
    await survivor.consume(async ({ autoMessageId }, { attempt }) => {
      redelivered.push({ id: autoMessageId, attempt });
    });
    await vi.waitFor(() => expect(redelivered).toEqual([{ id: 'crash-1', attempt: 1 }]), WAIT);
    release();
  });

  it('leaves acked messages gone and unstarted ones queued for the next consumer after close', async () => {
    const name = uniqueName('handover');
    const first = makeQueue({ queue: name, prefetch: 1 });
    const handledByFirst: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await first.consume(async ({ autoMessageId }) => {
      handledByFirst.push(autoMessageId);
      // Held until close has begun: with prefetch 1, h2 cannot reach this consumer before h1 is acked.
      await released;
    });
    for (const id of ['h1', 'h2', 'h3']) await first.publish({ autoMessageId: id });
    await vi.waitFor(() => expect(handledByFirst).toEqual(['h1']), WAIT);
    const closing = first.close();
    release();
    await closing;
    expect(handledByFirst).toEqual(['h1']);

    const second = makeQueue({ queue: name });
    const handledBySecond: string[] = [];
    await second.consume(async ({ autoMessageId }) => {
      handledBySecond.push(autoMessageId);
    });
    await vi.waitFor(() => expect(handledBySecond).toHaveLength(2), WAIT);
    await sleep(200);
    expect(handledBySecond).toEqual(['h2', 'h3']);
  });

  it('uses a quorum queue when the broker has them', async () => {
    const name = uniqueName('quorum');
    const queue = makeQueue({ queue: name });
    await queue.publish({ autoMessageId: 'q1' });
    // Re-declaring the queue as classic, same arguments otherwise, is refused only because it is a quorum queue.
    const classic = { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': `${name}.dead` };
    const refusal = await withChannel(rabbitmq.url!, (channel) =>
      channel.assertQueue(name, { durable: true, arguments: classic }).then(
        () => undefined,
        (error: { code?: number; message: string }) => error,
      ),
    );
    expect(refusal?.code).toBe(406);
    expect(refusal?.message).toMatch(/x-queue-type/);
  });

  it('falls back to a classic durable queue when the quorum declaration is refused, and says so', async () => {
    const name = uniqueName('classic');
    await withChannel(rabbitmq.url!, (channel) =>
      channel.assertQueue(name, {
        durable: true,
        arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': `${name}.dead` },
      }),
    );
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (message) => warnings.push(message), child: () => logger };
    const queue = makeQueue({ queue: name, logger, backoffMs: 20, maxAttempts: 2 });
    const attempts: number[] = [];
    await queue.consume(async (_message, { attempt }) => {
      attempts.push(attempt);
      if (attempt === 1) throw new Error('first attempt fails');
    });
    await queue.publish({ autoMessageId: 'c1' });
    await vi.waitFor(() => expect(attempts).toEqual([1, 2]), WAIT);
    expect(warnings).toContain('quorum queue refused, falling back to a classic durable queue');
  });

  it('moves a body that is not JSON to the dead-letter queue untouched', async () => {
    const name = uniqueName('garbage');
    const queue = makeQueue({ queue: name });
    const seen: string[] = [];
    await queue.consume(async ({ autoMessageId }) => {
      seen.push(autoMessageId);
    });
    await queue.publish({ autoMessageId: 'valid' });
    await vi.waitFor(() => expect(seen).toEqual(['valid']), WAIT);
    const connection = await amqplib.connect(rabbitmq.url!);
    const confirming = await connection.createConfirmChannel();
    confirming.sendToQueue(name, Buffer.from('<not json>'), { persistent: true });
    await confirming.waitForConfirms();
    await connection.close();
    const dead = await vi.waitFor(
      () =>
        withChannel(rabbitmq.url!, async (channel) => {
          const message = await channel.get(`${name}.dead`, { noAck: true });
          if (!message) throw new Error('dead-letter queue still empty');
          return message;
        }),
      WAIT,
    );
    expect(dead.content.toString()).toBe('<not json>');
    expect(dead.properties.headers?.['x-error']).toBe('body is not JSON');
    expect(seen).toEqual(['valid']);
  });

  it('rejects a publish the broker never confirmed within publishTimeoutMs, and reports itself unhealthy', async () => {
    const nobody = `amqp://guest:guest@127.0.0.1:${await freePort()}`;
    const queue = makeQueue({ queue: uniqueName('unreachable'), url: nobody, publishTimeoutMs: 300 });
    const health = new AmqpHealthIndicator(queue);
    const started = Date.now();
    await expect(queue.publish({ autoMessageId: 'lost' })).rejects.toThrow(/not confirmed within 300 ms/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await expect(health.check()).rejects.toThrow(/down/);
  });

  it('reports itself healthy while connected', async () => {
    const queue = makeQueue({ queue: uniqueName('healthy') });
    const health = new AmqpHealthIndicator(queue);
    expect(health.name).toBe('rabbitmq');
    await vi.waitFor(() => health.check(), WAIT);
  });
});
