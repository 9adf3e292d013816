import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { ChangeRecording } from '../sync/change-recording.js';
import { changeCursor } from '../sync/sync-cursor.js';

/** Records that a receiver's socket acknowledged a message, and tells the sender once. */
export class DeliveryConfirmation {
  constructor(
    private readonly deps: {
      messages: MessageRepository;
      recording: ChangeRecording;
      notifier: RealtimeNotifier;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  async confirm(messageId: string): Promise<void> {
    const { messages, recording, notifier, clock, logger } = this.deps;
    try {
      const delivered = await messages.markDelivered(messageId, clock.now());
      const deliveredAt = delivered?.message.deliveredAt;
      if (!delivered || !deliveredAt) return;
      const { message, marked } = delivered;
      // Recorded also when an earlier confirmation marked it: that run may have died before recording.
      const change = await recording.messageDelivered(message, deliveredAt);
      if (!marked) return;
      notifier.toUser(message.senderId, 'message_delivered', {
        messageId,
        conversationId: message.conversationId,
        deliveredAt: deliveredAt.toISOString(),
        cursor: changeCursor(change.conversationId, change.pos),
      });
    } catch (error) {
      logger.warn('delivery confirmation failed', { messageId, error: (error as Error).message });
    }
  }
}
