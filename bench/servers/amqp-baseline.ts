import { performance } from 'node:perf_hooks';
import amqplib from 'amqplib';
import { emitEvent, serveCommands } from '../lib/child-side.js';

export interface AmqpBaselineArgs {
  readonly url: string;
  readonly queue: string;
  readonly items: number;
  readonly prefetch: number;
  readonly timeoutMs: number;
}

export interface AmqpBaselineResult {
  readonly items: number;
  readonly acked: number;
  /** Until the last publish was confirmed. */
  readonly publishMs: number;
  /** Until the last message was acknowledged by the consumer. */
  readonly totalMs: number;
  readonly timedOut: boolean;
}

/**
 * The broker alone: the same kind of queue as ours (durable quorum), persistent
 * messages published on a confirm channel (many in flight, confirmed), and a
 * consumer with the same prefetch that acks each message.
 */
const run = async ({ url, queue, items, prefetch, timeoutMs }: AmqpBaselineArgs): Promise<AmqpBaselineResult> => {
  const connection = await amqplib.connect(url);
  try {
    const setup = await connection.createChannel();
    await setup.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await setup.purgeQueue(queue);
    const consumer = await connection.createChannel();
    await consumer.prefetch(prefetch);
    const publisher = await connection.createConfirmChannel();

    let acked = 0;
    let resolveAll: () => void = () => undefined;
    const allAcked = new Promise<void>((resolve) => {
      resolveAll = resolve;
    });
    await consumer.consume(queue, (message) => {
      if (!message) return;
      consumer.ack(message);
      acked += 1;
      if (acked === items) resolveAll();
    });

    const started = performance.now();
    const body = (i: number) => Buffer.from(JSON.stringify({ autoMessageId: i.toString(16).padStart(24, '0') }));
    for (let i = 0; i < items; i += 1) {
      const flowing = publisher.sendToQueue(queue, body(i), { persistent: true, contentType: 'application/json' });
      if (!flowing) await new Promise((resolve) => publisher.once('drain', resolve));
    }
    await publisher.waitForConfirms();
    const publishMs = performance.now() - started;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([allAcked, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    const totalMs = performance.now() - started;
    await setup.deleteQueue(queue).catch(() => undefined);
    return { items, acked, publishMs, totalMs, timedOut: acked < items };
  } finally {
    await connection.close().catch(() => undefined);
  }
};

serveCommands({ run, stop: () => undefined });
emitEvent('ready', { pid: process.pid });
