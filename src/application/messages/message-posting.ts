import { conversationView, lastMessageOf, lastSeqOf, type Conversation } from '../../domain/conversation.js';
import { messageView, previewOf, type Message, type MessageType } from '../../domain/message.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import { isDuplicateMessage, type MessageRepository } from '../../ports/message-repository.js';
import type { Metrics } from '../../ports/metrics.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { ChangeRecording } from '../sync/change-recording.js';
import { changeCursor } from '../sync/sync-cursor.js';
import type { DeliveryConfirmation } from './confirm-delivery.js';

export interface NewMessage {
  readonly sender: { readonly id: string; readonly username: string };
  readonly receiverId: string;
  readonly content: string;
  readonly messageType: MessageType;
  readonly clientMessageId?: string;
  readonly autoMessageId?: string;
}

export interface Posted {
  readonly message: Message;
  readonly conversation: Conversation;
  /** False when an idempotency key matched a message stored earlier. */
  readonly created: boolean;
  /** The message's creation in the change feed. */
  readonly cursor: string;
}

/**
 * The one path by which a message is stored and announced, whether it came
 * over REST, a socket or the auto pipeline.
 */
export class MessagePosting {
  constructor(
    private readonly deps: {
      messages: MessageRepository;
      conversations: ConversationRepository;
      notifier: RealtimeNotifier;
      deliveries: DeliveryConfirmation;
      recording: ChangeRecording;
      metrics: Metrics;
      ids: IdGenerator;
      clock: Clock;
    },
  ) {}

  /**
   * Stores and announces. A retry whose message is already stored announces
   * it again: the run that stored it may have died before announcing, and
   * receivers deduplicate by id, so a crash costs a repeat, never a miss.
   */
  async post(input: NewMessage, answeredConnection?: string): Promise<Posted> {
    const posted = await this.store(input);
    this.announce(posted, input.sender.username, answeredConnection);
    return posted;
  }

  /** Stores at the conversation's next position, or finds the message an idempotency key already names. */
  async store(input: NewMessage): Promise<Posted> {
    const { messages, conversations, ids, clock, metrics } = this.deps;
    const now = clock.now();
    const conversation = await conversations.findOrCreate(input.sender.id, input.receiverId, ids.next(), now);
    const inserted = await messages.insert(
      {
        id: ids.next(),
        conversationId: conversation.id,
        senderId: input.sender.id,
        receiverId: input.receiverId,
        content: input.content,
        messageType: input.messageType,
        clientMessageId: input.clientMessageId ?? null,
        autoMessageId: input.autoMessageId ?? null,
        createdAt: now,
        deliveredAt: null,
        readAt: null,
        deletedAt: null,
        editedAt: null,
      },
      lastSeqOf(conversation),
    );
    if (isDuplicateMessage(inserted)) {
      const original = await this.findOriginal(input);
      if (!original) throw new Error(`duplicate ${inserted.duplicate} reported but no original message found`);
      return { message: original, conversation, created: false, cursor: await this.recordCreation(original) };
    }
    const updated = (await conversations.recordLastMessage(conversation.id, lastMessageOf(inserted))) ?? conversation;
    const cursor = await this.recordCreation(inserted);
    metrics.increment('messages_sent');
    return { message: inserted, conversation: updated, created: true, cursor };
  }

  /**
   * Announces a message stored earlier, with its conversation as it is now,
   * recording its creation first when the run that stored it died before that.
   */
  async announceStored(message: Message, senderUsername: string, answeredConnection?: string): Promise<Posted | null> {
    const conversation = await this.deps.conversations.findById(message.conversationId);
    if (!conversation) return null;
    const posted = { message, conversation, created: false, cursor: await this.recordCreation(message) };
    this.announce(posted, senderUsername, answeredConnection);
    return posted;
  }

  /**
   * Tells both sides; the receiver's acknowledgement becomes a delivery
   * confirmation. The receiver's connections viewing the conversation show
   * the message and get no notification; `answeredConnection`, the sender's
   * connection whose reply carries the stored message, gets no `message_sent`.
   */
  announce({ message, conversation, cursor }: Posted, senderUsername: string, answeredConnection?: string): void {
    const { notifier, deliveries } = this.deps;
    const payload = { message: messageView(message), conversation: conversationView(conversation), cursor };
    notifier.toUserWithReceipt(message.receiverId, 'message_received', payload, () => {
      void deliveries.confirm(message.id);
    });
    notifier.toUser(
      message.receiverId,
      'new_message_notification',
      {
        conversationId: conversation.id,
        senderId: message.senderId,
        senderUsername,
        preview: previewOf(message.content),
      },
      { exceptViewersOf: conversation.id },
    );
    notifier.toUser(
      message.senderId,
      'message_sent',
      payload,
      answeredConnection === undefined ? {} : { exceptConnection: answeredConnection },
    );
  }

  /** The first message of a conversation also records its creation; both records are idempotent. */
  private async recordCreation(message: Message): Promise<string> {
    const { recording } = this.deps;
    if (message.seq === 1) await recording.conversationCreated(message.conversationId, message.createdAt);
    const change = await recording.messageCreated(message);
    return changeCursor(change.conversationId, change.pos);
  }

  private findOriginal(input: NewMessage): Promise<Message | null> {
    if (input.autoMessageId) return this.deps.messages.findByAutoMessageId(input.autoMessageId);
    if (input.clientMessageId) return this.deps.messages.findByClientMessageId(input.sender.id, input.clientMessageId);
    return Promise.resolve(null);
  }
}
