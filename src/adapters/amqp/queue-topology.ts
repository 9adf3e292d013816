import type { ChannelModel, Options } from 'amqplib';
import type { Logger } from '../../ports/logger.js';
import type { QueueDepth } from '../../ports/message-queue.js';
import { openChannel } from './open-channel.js';

/** PRECONDITION_FAILED (e.g. an existing classic queue), NOT_IMPLEMENTED, INTERNAL_ERROR. */
const REFUSALS = new Set<unknown>([406, 540, 541]);

export type QueueType = 'quorum' | 'classic';

export interface QueueTopologyOptions {
  readonly queue: string;
  readonly maxAttempts: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  /** Quorum queues only: deliveries (e.g. to consumers that crashed) before a message is dead-lettered. */
  readonly deliveryLimit: number;
  readonly logger: Logger;
}

/**
 * The queues behind one logical queue:
 * - `<queue>`: the work queue (quorum when the broker has them, classic durable otherwise), dead-lettering to `<queue>.dead`;
 * - `<queue>.retry.<ms>ms`: one classic holding queue per backoff step, whose queue-wide TTL dead-letters back to `<queue>`
 *   (one TTL per queue, so a long delay never holds up a short one behind it);
 * - `<queue>.dead`: classic durable, for operators. Classic, so peeking (get, then requeue) never counts toward a delivery limit.
 */
export class QueueTopology {
  readonly main: string;
  readonly dead: string;
  private queueType: QueueType | undefined;
  private readonly declared = new WeakMap<ChannelModel, Promise<void>>();

  constructor(private readonly options: QueueTopologyOptions) {
    this.main = options.queue;
    this.dead = `${options.queue}.dead`;
  }

  /** The delay after a failed attempt (1-based): the base backoff doubled per attempt, capped. */
  delayAfter(attempt: number): number {
    return Math.min(this.options.backoffMs * 2 ** (attempt - 1), this.options.maxBackoffMs);
  }

  retryQueueAfter(attempt: number): string {
    return `${this.main}.retry.${this.delayAfter(attempt)}ms`;
  }

  /** Declares every queue once per connection; callers on the same connection share the work. */
  declare(connection: ChannelModel): Promise<void> {
    let declaring = this.declared.get(connection);
    if (!declaring) {
      declaring = this.declareAll(connection);
      this.declared.set(connection, declaring);
      declaring.catch(() => this.declared.delete(connection));
    }
    return declaring;
  }

  /**
   * The messages in the work, retry and dead-letter queues, as the broker
   * counts them: those delivered and not yet acknowledged are in none.
   */
  async depth(connection: ChannelModel): Promise<QueueDepth> {
    await this.declare(connection);
    // A queue that has gone since closes the channel it was asked on: never a shared one.
    const channel = await openChannel(connection);
    try {
      const count = async (queue: string) => (await channel.checkQueue(queue)).messageCount;
      let retrying = 0;
      for (const { name } of this.retryQueues()) retrying += await count(name);
      return { ready: await count(this.main), retrying, dead: await count(this.dead) };
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  /** Names of every queue, for tests and operators' clean-up. */
  allQueues(): string[] {
    return [this.main, this.dead, ...this.retryQueues().map((q) => q.name)];
  }

  private retryQueues(): { name: string; delayMs: number }[] {
    const byName = new Map<string, number>();
    for (let attempt = 1; attempt < this.options.maxAttempts; attempt++) {
      byName.set(this.retryQueueAfter(attempt), this.delayAfter(attempt));
    }
    return [...byName].map(([name, delayMs]) => ({ name, delayMs }));
  }

  private async declareAll(connection: ChannelModel): Promise<void> {
    this.queueType ??= await this.chooseQueueType(connection);
    // A separate channel: a refused declaration closes its channel, and must not take a publishing one with it.
    const channel = await openChannel(connection);
    try {
      await channel.assertQueue(this.dead, { durable: true });
      for (const { name, delayMs } of this.retryQueues()) {
        await channel.assertQueue(name, {
          durable: true,
          arguments: { 'x-message-ttl': delayMs, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': this.main },
        });
      }
      await channel.assertQueue(this.main, this.mainQueueOptions(this.queueType));
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  private async chooseQueueType(connection: ChannelModel): Promise<QueueType> {
    const probe = await openChannel(connection);
    try {
      await probe.assertQueue(this.main, this.mainQueueOptions('quorum'));
      this.options.logger.info('using a quorum queue', { queue: this.main, deliveryLimit: this.options.deliveryLimit });
      return 'quorum';
    } catch (error) {
      // Only the broker refusing this declaration means "no quorum queue here"; a lost connection decides nothing.
      if (!REFUSALS.has((error as { code?: unknown }).code)) throw error;
      this.options.logger.warn('quorum queue refused, falling back to a classic durable queue', {
        queue: this.main,
        reason: (error as Error).message,
      });
      return 'classic';
    } finally {
      await probe.close().catch(() => undefined);
    }
  }

  private mainQueueOptions(type: QueueType): Options.AssertQueue {
    const deadLettering = { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': this.dead };
    if (type === 'classic') return { durable: true, arguments: deadLettering };
    return {
      durable: true,
      arguments: { ...deadLettering, 'x-queue-type': 'quorum', 'x-delivery-limit': this.options.deliveryLimit },
    };
  }
}
