import amqp, { type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import type { Channel, ConfirmChannel, ConsumeMessage, MessagePropertyHeaders } from 'amqplib';
import * as E from 'fp-ts/lib/Either.js';
import type { Logger } from '../../ports/logger.js';
import type { MessageQueue, QueueDepth, QueueHandler, QueuedAutoMessage } from '../../ports/message-queue.js';
import { decodeQueuedMessage } from './decode-queued-message.js';
import { DeliveryWindow, type Delivery } from './delivery-window.js';
import { openChannel } from './open-channel.js';
import { QueueTopology } from './queue-topology.js';

export interface AmqpMessageQueueOptions {
  readonly url: string;
  /** The work queue's name, and the prefix of its retry and dead-letter queues. */
  readonly queue: string;
  readonly logger: Logger;
  readonly maxAttempts?: number;
  /** Delay before the first retry; doubled on each further retry, up to `maxBackoffMs`. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly prefetch?: number;
  /** Quorum `x-delivery-limit`: redeliveries without an ack (crashed consumers) before dead-lettering. */
  readonly deliveryLimit?: number;
  /**
   * While the broker is unreachable, `publish` keeps the message buffered and resolves once it is confirmed after
   * the reconnect; it rejects when that has not happened within this time.
   */
  readonly publishTimeoutMs?: number;
  readonly reconnectDelayMs?: number;
  readonly heartbeatSeconds?: number;
  /** `deadLetters()` returns at most this many entries. */
  readonly deadLetterPeekLimit?: number;
}

const ATTEMPT_HEADER = 'x-attempt';

const attemptOf = (headers: MessagePropertyHeaders | undefined): number => {
  const value: unknown = headers?.[ATTEMPT_HEADER];
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1;
};

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * MessageQueue on RabbitMQ through amqp-connection-manager, which reconnects and re-runs the channel setups
 * (topology, then the consumer) after a broker restart. Publishes are persistent and confirmed; deliveries are
 * acked only after the handler resolved, on the channel that delivered them.
 */
export class AmqpMessageQueue implements MessageQueue {
  private readonly logger: Logger;
  private readonly topology: QueueTopology;
  private readonly maxAttempts: number;
  private readonly prefetch: number;
  private readonly publishTimeoutMs: number;
  private readonly deadLetterPeekLimit: number;
  private readonly connection: AmqpConnectionManager;
  private readonly publisher: ChannelWrapper;
  private readonly deliveries: DeliveryWindow;
  private handler: QueueHandler | undefined;
  private subscription: { channel: Channel; consumerTag: string } | undefined;
  private closing: Promise<void> | undefined;

  constructor(options: AmqpMessageQueueOptions) {
    this.logger = options.logger.child({ queue: options.queue });
    this.maxAttempts = options.maxAttempts ?? 5;
    this.prefetch = options.prefetch ?? 16;
    this.publishTimeoutMs = options.publishTimeoutMs ?? 30_000;
    this.deadLetterPeekLimit = options.deadLetterPeekLimit ?? 100;
    if (this.maxAttempts < 1 || this.prefetch < 1) throw new Error('maxAttempts and prefetch must be at least 1');
    this.deliveries = new DeliveryWindow(this.prefetch, (delivery) => this.handle(delivery), this.logger);
    this.topology = new QueueTopology({
      queue: options.queue,
      maxAttempts: this.maxAttempts,
      backoffMs: options.backoffMs ?? 1_000,
      maxBackoffMs: options.maxBackoffMs ?? 60_000,
      deliveryLimit: options.deliveryLimit ?? 10,
      logger: this.logger,
    });
    this.connection = amqp.connect([options.url], {
      reconnectTimeInSeconds: (options.reconnectDelayMs ?? 1_000) / 1_000,
      heartbeatIntervalInSeconds: options.heartbeatSeconds ?? 5,
    });
    this.connection.on('connect', () => this.logger.info('connected to RabbitMQ'));
    this.connection.on('disconnect', ({ err }) =>
      this.logger.warn('disconnected from RabbitMQ', { reason: reasonOf(err) }),
    );
    this.connection.on('connectFailed', ({ err }) =>
      this.logger.debug('RabbitMQ unreachable', { reason: reasonOf(err) }),
    );
    this.connection.on('blocked', ({ reason }) => this.logger.warn('RabbitMQ blocked publishing', { reason }));
    this.publisher = this.connection.createChannel({
      name: 'publisher',
      confirm: true,
      publishTimeout: this.publishTimeoutMs,
      setup: (channel: ConfirmChannel) => this.preparePublisher(channel),
    });
    this.publisher.on('error', (error: Error) =>
      this.logger.error('RabbitMQ publisher setup failed', { reason: reasonOf(error) }),
    );
  }

  /** Resolves true once the broker connection and the publisher's topology are up, false after `timeoutMs`. */
  async waitUntilConnected(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const connected = this.publisher.waitForConnect().then(() => true);
    return Promise.race([connected, timedOut]).finally(() => clearTimeout(timer));
  }

  /** For the health indicator. */
  isConnected(): boolean {
    return this.connection.isConnected();
  }

  /** Every queue this instance declares, e.g. for clean-up in tests. */
  queueNames(): string[] {
    return this.topology.allQueues();
  }

  async publish(message: QueuedAutoMessage): Promise<void> {
    if (this.closing) throw new Error(`RabbitMQ queue "${this.topology.main}" is closed`);
    try {
      await this.publisher.sendToQueue(this.topology.main, Buffer.from(JSON.stringify(message)), {
        persistent: true,
        mandatory: true,
        contentType: 'application/json',
        headers: { [ATTEMPT_HEADER]: 1 },
      });
    } catch (error) {
      const reason =
        reasonOf(error) === 'timeout' ? `not confirmed within ${this.publishTimeoutMs} ms` : reasonOf(error);
      throw new Error(`RabbitMQ publish to "${this.topology.main}" failed: ${reason}`, { cause: error });
    }
  }

  async consume(handler: QueueHandler): Promise<void> {
    if (this.closing) throw new Error(`RabbitMQ queue "${this.topology.main}" is closed`);
    if (this.handler) throw new Error(`RabbitMQ queue "${this.topology.main}" already has a consumer`);
    this.handler = handler;
    const consumer = this.connection.createChannel({
      name: 'consumer',
      confirm: false,
      setup: (channel: Channel) => this.subscribe(channel),
    });
    consumer.on('error', (error: Error) =>
      this.logger.error('RabbitMQ consumer setup failed', { reason: reasonOf(error) }),
    );
  }

  async deadLetters(): Promise<QueuedAutoMessage[]> {
    const connection = this.connection.connection;
    if (!connection) throw new Error('RabbitMQ is not connected');
    await this.topology.declare(connection);
    const channel = await openChannel(connection);
    const found: QueuedAutoMessage[] = [];
    try {
      for (let i = 0; i < this.deadLetterPeekLimit; i++) {
        const message = await channel.get(this.topology.dead, { noAck: false });
        if (!message) break;
        const decoded = decodeQueuedMessage(message.content);
        if (E.isRight(decoded)) found.push(decoded.right);
      }
    } finally {
      // Closing the channel puts every peeked message back, unacked.
      await channel.close().catch(() => undefined);
    }
    return found;
  }

  depth(): Promise<QueueDepth> {
    return this.topology.depth(this.currentConnection());
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.deliveries.close();
    const subscription = this.subscription;
    if (subscription && this.deliveries.isOpen(subscription.channel)) {
      await subscription.channel.cancel(subscription.consumerTag).catch(() => undefined);
    }
    await this.deliveries.drain();
    await this.connection.close();
  }

  private async preparePublisher(channel: ConfirmChannel): Promise<void> {
    channel.on('error', () => undefined);
    channel.on('return', (returned: ConsumeMessage) =>
      this.logger.error('RabbitMQ returned an unroutable message', { routingKey: returned.fields.routingKey }),
    );
    await this.topology.declare(this.currentConnection());
  }

  private async subscribe(channel: Channel): Promise<void> {
    channel.on('error', () => undefined);
    this.deliveries.track(channel);
    await this.topology.declare(this.currentConnection());
    if (this.closing) return;
    await channel.prefetch(this.prefetch);
    const { consumerTag } = await channel.consume(
      this.topology.main,
      (message) => {
        if (message) this.deliveries.offer({ channel, message });
        else this.logger.error('RabbitMQ cancelled the consumer (queue deleted?)');
      },
      { noAck: false },
    );
    this.subscription = { channel, consumerTag };
  }

  private currentConnection() {
    const connection = this.connection.connection;
    if (!connection) throw new Error('RabbitMQ is not connected');
    return connection;
  }

  private async handle(delivery: Delivery): Promise<void> {
    const { message } = delivery;
    const attempt = attemptOf(message.properties.headers);
    const decoded = decodeQueuedMessage(message.content);
    if (E.isLeft(decoded)) {
      this.logger.error('malformed queue message dead-lettered', {
        reason: decoded.left,
        body: message.content.toString('utf8', 0, 200),
      });
      await this.forward(delivery, this.topology.dead, { 'x-error': decoded.left });
      return;
    }
    const queued = decoded.right;
    try {
      await Promise.resolve().then(() => this.handler?.(queued, { attempt, maxAttempts: this.maxAttempts }));
      this.deliveries.settle(delivery, 'ack');
    } catch (error) {
      const lastError = reasonOf(error);
      if (attempt >= this.maxAttempts) {
        this.logger.error('queue message dead-lettered after its last attempt', { ...queued, attempt, lastError });
        await this.forward(delivery, this.topology.dead, { [ATTEMPT_HEADER]: attempt, 'x-last-error': lastError });
      } else {
        const delayMs = this.topology.delayAfter(attempt);
        this.logger.warn('queue message failed, retrying', { ...queued, attempt, delayMs, lastError });
        await this.forward(delivery, this.topology.retryQueueAfter(attempt), {
          [ATTEMPT_HEADER]: attempt + 1,
          'x-last-error': lastError,
        });
      }
    }
  }

  /** Moves a delivery to another queue: confirmed publish first, ack second, so a crash between means a duplicate. */
  private async forward(delivery: Delivery, queue: string, headers: Record<string, unknown>): Promise<void> {
    if (!this.deliveries.isOpen(delivery.channel)) return; // the broker has it back already
    try {
      await this.publisher.sendToQueue(queue, delivery.message.content, {
        persistent: true,
        mandatory: true,
        contentType: delivery.message.properties.contentType as string | undefined,
        headers,
      });
      this.deliveries.settle(delivery, 'ack');
    } catch (error) {
      this.logger.error('could not move queue message, requeueing it', { to: queue, reason: reasonOf(error) });
      this.deliveries.settle(delivery, 'requeue');
    }
  }
}
