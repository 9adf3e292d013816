import type { Message } from '../../domain/message.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { Logger } from '../../ports/logger.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { ChangeRecording } from '../sync/change-recording.js';
import { changeCursor } from '../sync/sync-cursor.js';

/** Records that a receiver's socket acknowledged a message, and tells the sender once per receiver. */
export class DeliveryConfirmation {
  constructor(
    private readonly deps: {
      messages: MessageRepository;
      conversations: ConversationRepository;
      recording: ChangeRecording;
      notifier: RealtimeNotifier;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  async confirm(message: Message, receiverId: string): Promise<void> {
    try {
      await (message.receiverId === null ? this.confirmInGroup(message, receiverId) : this.confirmDirect(message));
    } catch (error) {
      this.deps.logger.warn('delivery confirmation failed', {
        messageId: message.id,
        error: (error as Error).message,
      });
    }
  }

  private async confirmDirect({ id, receiverId }: Message): Promise<void> {
    const { messages, recording, notifier, clock } = this.deps;
    const delivered = await messages.markDelivered(id, clock.now());
    const deliveredAt = delivered?.message.deliveredAt;
    if (!delivered || !deliveredAt || receiverId === null) return;
    const { message, marked } = delivered;
    // Recorded also when an earlier confirmation marked it: that run may have died before recording.
    const change = await recording.messageDelivered(message, deliveredAt);
    if (!marked) return;
    notifier.toUser(message.senderId, 'message_delivered', {
      messageId: id,
      conversationId: message.conversationId,
      deliveredAt: deliveredAt.toISOString(),
      userId: receiverId,
      cursor: changeCursor(change.conversationId, change.pos),
    });
  }

  /**
   * A member's delivered position moves up to the message. An acknowledgement
   * arriving after a later message's says nothing new: positions below the
   * delivered one are delivered.
   */
  private async confirmInGroup(message: Message, memberId: string): Promise<void> {
    const { conversations, recording, notifier, clock } = this.deps;
    const at = clock.now();
    if (!(await conversations.advanceDelivered(message.conversationId, memberId, message.seq))) return;
    const change = await recording.messageDelivered(message, at, memberId);
    notifier.toUser(message.senderId, 'message_delivered', {
      messageId: message.id,
      conversationId: message.conversationId,
      deliveredAt: at.toISOString(),
      userId: memberId,
      cursor: changeCursor(change.conversationId, change.pos),
    });
  }
}
