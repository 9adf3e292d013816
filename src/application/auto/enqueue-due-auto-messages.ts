import type { AutoMessageRepository } from '../../ports/auto-message-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { MessageQueue } from '../../ports/message-queue.js';
import type { Metrics } from '../../ports/metrics.js';

export interface EnqueueOutcome {
  readonly queued: number;
  readonly failed: number;
}

/** Publishes awaiting the broker's confirm at once: waiting for each in turn held RabbitMQ to a tenth of its speed. */
const DEFAULT_PUBLISHES_IN_FLIGHT = 16;

/**
 * Stage 2: claims due items one at a time (an atomic claim with a lease, so
 * two schedulers never take the same item) and publishes each with a broker
 * confirm; the next claim does not wait for the confirm, up to
 * `publishesInFlight` unconfirmed. After a failed publish the run claims
 * nothing more. An item whose publish fails, or whose delivery never
 * completes, is claimed again when its lease runs out.
 */
export class EnqueueDueAutoMessages {
  constructor(
    private readonly deps: {
      autoMessages: AutoMessageRepository;
      queue: MessageQueue;
      clock: Clock;
      metrics: Metrics;
      logger: Logger;
      leaseMs: number;
      /** Bounds one run, so a backlog drains over several runs instead of one endless one. */
      maxPerRun: number;
      /** Publishes awaiting their confirm at once; 16 by default. */
      publishesInFlight?: number;
    },
  ) {}

  async execute(): Promise<EnqueueOutcome> {
    const { autoMessages, queue, clock, metrics, logger, leaseMs, maxPerRun } = this.deps;
    const limit = Math.max(1, this.deps.publishesInFlight ?? DEFAULT_PUBLISHES_IN_FLIGHT);
    let queued = 0;
    let failed = 0;
    let claimed = 0;
    const publishing = new Set<Promise<void>>();
    while (failed === 0 && claimed < maxPerRun) {
      if (publishing.size >= limit) {
        await Promise.race(publishing);
        continue;
      }
      const now = clock.now();
      const item = await autoMessages.claimNextDue(now, new Date(now.getTime() + leaseMs));
      if (!item) break;
      claimed += 1;
      const published: Promise<void> = queue.publish({ autoMessageId: item.id }).then(
        () => {
          queued += 1;
        },
        (error: unknown) => {
          failed += 1;
          logger.warn('auto message publish failed; it is retried when its lease ends', {
            autoMessageId: item.id,
            error: (error as Error).message,
          });
        },
      );
      publishing.add(published);
      void published.finally(() => publishing.delete(published));
    }
    await Promise.all(publishing);
    metrics.increment('auto_messages_queued', queued);
    logger.info('due auto messages enqueued', { queued, failed });
    return { queued, failed };
  }
}
