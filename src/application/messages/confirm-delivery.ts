import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';

/** Records that a receiver's socket acknowledged a message, and tells the sender once. */
export class DeliveryConfirmation {
  constructor(
    private readonly deps: { messages: MessageRepository; notifier: RealtimeNotifier; clock: Clock; logger: Logger },
  ) {}

  async confirm(messageId: string): Promise<void> {
    const { messages, notifier, clock, logger } = this.deps;
    try {
      const at = clock.now();
      if (!(await messages.markDelivered(messageId, at))) return;
      const message = await messages.findById(messageId);
      if (!message) return;
      notifier.toUser(message.senderId, 'message_delivered', {
        messageId,
        conversationId: message.conversationId,
        deliveredAt: at.toISOString(),
      });
    } catch (error) {
      logger.warn('delivery confirmation failed', { messageId, error: (error as Error).message });
    }
  }
}
