import type { AutoMessageRepository } from '../../ports/auto-message-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { MessageQueue } from '../../ports/message-queue.js';
import type { Metrics } from '../../ports/metrics.js';

export interface EnqueueOutcome {
  readonly queued: number;
  readonly failed: number;
}

/**
 * Stage 2: claims due items one at a time (an atomic claim with a lease, so
 * two schedulers never take the same item) and publishes each with a broker
 * confirm. An item whose publish fails, or whose delivery never completes,
 * is claimed again when its lease runs out.
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
    },
  ) {}

  async execute(): Promise<EnqueueOutcome> {
    const { autoMessages, queue, clock, metrics, logger, leaseMs, maxPerRun } = this.deps;
    let queued = 0;
    let failed = 0;
    while (queued + failed < maxPerRun) {
      const now = clock.now();
      const item = await autoMessages.claimNextDue(now, new Date(now.getTime() + leaseMs));
      if (!item) break;
      try {
        await queue.publish({ autoMessageId: item.id });
        queued += 1;
      } catch (error) {
        failed += 1;
        logger.warn('auto message publish failed; it is retried when its lease ends', {
          autoMessageId: item.id,
          error: (error as Error).message,
        });
        break;
      }
    }
    metrics.increment('auto_messages_queued', queued);
    logger.info('due auto messages enqueued', { queued, failed });
    return { queued, failed };
  }
}
