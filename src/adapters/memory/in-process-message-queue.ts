import { isLeft } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { Logger } from '../../ports/logger.js';
import type { MessageQueue, QueueDepth, QueueHandler, QueuedAutoMessage } from '../../ports/message-queue.js';

export interface InProcessMessageQueueOptions {
  readonly logger: Logger;
  /** Only names the queue in logs. */
  readonly name?: string;
  readonly maxAttempts?: number;
  /** Delay before the first retry; doubled on each further retry, up to `maxBackoffMs`. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly prefetch?: number;
}

interface Envelope {
  /** What a broker would hold: the message after a JSON round trip, decoded only when delivered. */
  readonly body: unknown;
  readonly attempt: number;
}

const NonEmptyString = t.refinement(t.string, (s) => s.length > 0, 'NonEmptyString');
const QueuedAutoMessageCodec = t.exact(t.type({ autoMessageId: NonEmptyString }));

/**
 * The embedded queue: at-least-once delivery to one consumer, retry with exponential backoff,
 * dead letters after `maxAttempts`. Messages live in this process only and are lost when it stops.
 */
export class InProcessMessageQueue implements MessageQueue {
  private readonly logger: Logger;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly prefetch: number;
  private readonly ready: Envelope[] = [];
  private readonly delayed = new Map<NodeJS.Timeout, Envelope>();
  private readonly dead: QueuedAutoMessage[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private handler: QueueHandler | undefined;
  private closed = false;

  constructor(options: InProcessMessageQueueOptions) {
    this.logger = options.logger.child({ queue: options.name ?? 'in-process' });
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = options.backoffMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
    this.prefetch = options.prefetch ?? 16;
    if (this.maxAttempts < 1 || this.prefetch < 1) throw new Error('maxAttempts and prefetch must be at least 1');
  }

  async publish(message: QueuedAutoMessage): Promise<void> {
    if (this.closed) throw new Error('the in-process queue is closed');
    this.ready.push({ body: JSON.parse(JSON.stringify(message)) as unknown, attempt: 1 });
    this.drain();
  }

  async consume(handler: QueueHandler): Promise<void> {
    if (this.closed) throw new Error('the in-process queue is closed');
    if (this.handler) throw new Error('the in-process queue already has a consumer');
    this.handler = handler;
    this.drain();
  }

  async deadLetters(): Promise<QueuedAutoMessage[]> {
    return this.dead.map((message) => ({ ...message }));
  }

  async depth(): Promise<QueueDepth> {
    return { ready: this.ready.length, retrying: this.delayed.size, dead: this.dead.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.delayed.keys()) clearTimeout(timer);
    const dropped = this.ready.length + this.delayed.size;
    this.delayed.clear();
    this.ready.length = 0;
    if (dropped > 0) this.logger.warn('in-process queue closed with undelivered messages', { dropped });
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private drain(): void {
    const handler = this.handler;
    if (!handler) return;
    while (!this.closed && this.inFlight.size < this.prefetch) {
      const envelope = this.ready.shift();
      if (!envelope) return;
      const running = this.deliver(handler, envelope).finally(() => {
        this.inFlight.delete(running);
        this.drain();
      });
      this.inFlight.add(running);
    }
  }

  private async deliver(handler: QueueHandler, { body, attempt }: Envelope): Promise<void> {
    const decoded = QueuedAutoMessageCodec.decode(body);
    if (isLeft(decoded)) {
      this.logger.error('malformed queue message dead-lettered', { body });
      return;
    }
    const message = decoded.right;
    try {
      await handler(message, { attempt, maxAttempts: this.maxAttempts });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt >= this.maxAttempts) {
        this.dead.push(message);
        this.logger.error('queue message dead-lettered after its last attempt', { ...message, attempt, reason });
        return;
      }
      const delayMs = Math.min(this.backoffMs * 2 ** (attempt - 1), this.maxBackoffMs);
      this.logger.warn('queue message failed, retrying', { ...message, attempt, delayMs, reason });
      this.retryLater({ body: message, attempt: attempt + 1 }, delayMs);
    }
  }

  private retryLater(envelope: Envelope, delayMs: number): void {
    if (this.closed) {
      this.logger.warn('in-process queue closed before a retry; message dropped', { body: envelope.body });
      return;
    }
    const timer = setTimeout(() => {
      this.delayed.delete(timer);
      this.ready.push(envelope);
      this.drain();
    }, delayMs);
    this.delayed.set(timer, envelope);
  }
}
