import type { BlockRepository } from '../../ports/block-repository.js';
import type { AutoMessageRepository } from '../../ports/auto-message-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { DeliveryAttempt, QueuedAutoMessage } from '../../ports/message-queue.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { Metrics } from '../../ports/metrics.js';
import type { UserRepository } from '../../ports/user-repository.js';
import type { MessagePosting } from '../messages/message-posting.js';

export type DeliveryOutcome = 'delivered' | 'already-delivered' | 'skipped';

/**
 * Stage 3: turns one queued item into exactly one message. The message
 * carries the item's id under a unique key, so a redelivery (or a retry after
 * a crash between storing the message and acknowledging) finds the message
 * already there and only finishes the bookkeeping, announcing the message
 * when it is the one that marks the item sent. Throws to have the queue
 * retry; the last failed attempt marks the item dead.
 */
export class DeliverQueuedMessage {
  constructor(
    private readonly deps: {
      autoMessages: AutoMessageRepository;
      messages: MessageRepository;
      users: UserRepository;
      blocks: BlockRepository;
      posting: MessagePosting;
      clock: Clock;
      metrics: Metrics;
      logger: Logger;
      /** How long the enqueuer leaves an item alone after a failed attempt. */
      retryLeaseMs: number;
    },
  ) {}

  async execute(envelope: QueuedAutoMessage, attempt: DeliveryAttempt): Promise<DeliveryOutcome> {
    try {
      return await this.deliver(envelope.autoMessageId);
    } catch (error) {
      await this.recordFailure(envelope.autoMessageId, error as Error, attempt);
      throw error;
    }
  }

  private async deliver(autoMessageId: string): Promise<DeliveryOutcome> {
    const { autoMessages, messages, users, posting, clock, metrics, logger } = this.deps;
    const item = await autoMessages.findById(autoMessageId);
    if (!item || item.status === 'sent' || item.status === 'dead') {
      if (!item) logger.warn('queued auto message not found; dropped', { autoMessageId });
      return item ? 'already-delivered' : 'skipped';
    }

    const [sender, receiver] = await Promise.all([users.findById(item.senderId), users.findById(item.receiverId)]);
    // Whoever marks the item sent announces the message: exactly once among concurrent deliveries, and
    // also when a run stored it and died before marking (the redelivery marks it then).
    const existing = await messages.findByAutoMessageId(item.id);
    if (existing) {
      if (await autoMessages.markSent(item.id, existing.id, clock.now())) {
        metrics.increment('auto_messages_sent');
        if (sender) await posting.announceStored(existing, sender.username);
      }
      return 'already-delivered';
    }
    if (!sender || !receiver) throw new Error('sender or receiver no longer exists');
    if (await this.deps.blocks.isBlocked(receiver.id, sender.id)) {
      // A user who blocks the sender gets no message from them, automated or not; the item ends here.
      await autoMessages.markDead(item.id, 'the receiver blocks the sender', 0);
      logger.info('auto message dropped: the receiver blocks the sender', { autoMessageId });
      return 'skipped';
    }
    const stored = await posting.store({
      sender: { id: sender.id, username: sender.username },
      receiverId: receiver.id,
      content: item.content,
      messageType: 'auto',
      autoMessageId: item.id,
    });
    if (await autoMessages.markSent(item.id, stored.message.id, clock.now())) {
      metrics.increment('auto_messages_sent');
      posting.announce(stored, sender.username);
    }
    return stored.created ? 'delivered' : 'already-delivered';
  }

  private async recordFailure(autoMessageId: string, error: Error, attempt: DeliveryAttempt): Promise<void> {
    const { autoMessages, clock, metrics, logger, retryLeaseMs } = this.deps;
    const last = attempt.attempt >= attempt.maxAttempts;
    try {
      if (last) {
        await autoMessages.markDead(autoMessageId, error.message, attempt.attempt);
        metrics.increment('auto_messages_dead_lettered');
      } else {
        await autoMessages.recordFailure(
          autoMessageId,
          error.message,
          attempt.attempt,
          new Date(clock.now().getTime() + retryLeaseMs),
        );
        metrics.increment('auto_messages_retried');
      }
    } catch (bookkeeping) {
      logger.error('could not record auto message failure', { autoMessageId, error: (bookkeeping as Error).message });
    }
    logger.warn(last ? 'auto message dead-lettered' : 'auto message delivery failed; will retry', {
      autoMessageId,
      attempt: attempt.attempt,
      error: error.message,
    });
  }
}
