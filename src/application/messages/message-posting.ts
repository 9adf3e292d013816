import {
  conversationView,
  isMutedFor,
  lastMessageOf,
  othersOf,
  lastSeqOf,
  type Conversation,
} from '../../domain/conversation.js';
import { messageView, previewOf, type Message, type MessageType } from '../../domain/message.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import { isDuplicateMessage, type MessageRepository } from '../../ports/message-repository.js';
import type { Metrics } from '../../ports/metrics.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { KnownConversations } from '../conversations/known-conversations.js';
import type { ChangeRecording } from '../sync/change-recording.js';
import { changeCursor } from '../sync/sync-cursor.js';
import type { DeliveryConfirmation } from './delivery-confirmation.js';

/** Where a message goes: to a user (their direct conversation with the sender) or into a group. */
export type Destination = { readonly receiverId: string } | { readonly group: Conversation };

export type NewMessage = Destination & {
  readonly sender: { readonly id: string; readonly username: string };
  readonly content: string;
  readonly messageType: MessageType;
  readonly clientMessageId?: string;
  readonly autoMessageId?: string;
};

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
      known: KnownConversations;
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

  /**
   * Stores at the conversation's next position, or finds the message an
   * idempotency key already names. With the pair's conversation known, that
   * is three round trips: the insert, then the last-message update and the
   * change record together.
   */
  async store(input: NewMessage): Promise<Posted> {
    const { messages, conversations, known, ids, clock, metrics } = this.deps;
    const now = clock.now();
    const target = await this.targetOf(input, now);
    if ('earlier' in target) return this.storedEarlier(target.earlier);
    const inserted = await messages.insert(
      {
        id: ids.next(),
        conversationId: target.id,
        senderId: input.sender.id,
        receiverId: 'receiverId' in input ? input.receiverId : null,
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
      target.lastSeq,
    );
    if (isDuplicateMessage(inserted)) return this.storedEarlier(inserted.original);
    const [recorded, cursor] = await Promise.all([
      conversations.recordLastMessage(target.id, lastMessageOf(inserted)),
      this.recordCreation(inserted),
    ]);
    if (!recorded) throw new Error(`conversation ${target.id} of message ${inserted.id} not found`);
    metrics.increment('messages_sent');
    // A group's members as the send found them: the last-message update does not read them again.
    const conversation = 'group' in input ? { ...recorded, participants: input.group.participants } : recorded;
    return { message: inserted, conversation, created: true, cursor };
  }

  /**
   * Announces a message stored earlier, with its conversation as it is now,
   * recording its creation first when the run that stored it died before that.
   */
  async announceStored(message: Message, senderUsername: string, answeredConnection?: string): Promise<Posted | null> {
    const posted = await this.withConversation(message);
    if (posted) this.announce(posted, senderUsername, answeredConnection);
    return posted;
  }

  /**
   * Tells both sides; the receiver's acknowledgement becomes a delivery
   * confirmation. The receiver's connections viewing the conversation show
   * the message and get no notification, nor does a receiver who muted the
   * conversation; `answeredConnection`, the sender's connection whose reply
   * carries the stored message, gets no `message_sent`.
   */
  announce({ message, conversation, cursor }: Posted, senderUsername: string, answeredConnection?: string): void {
    const { notifier, deliveries, metrics, clock } = this.deps;
    const payload = { message: messageView(message), conversation: conversationView(conversation), cursor };
    // Timed from here, not from createdAt: the store's time is the send's own, a re-announced message
    // was created long before, and both ends of the span are read in this process.
    const announcedAt = clock.now();
    const receivers = message.receiverId === null ? othersOf(conversation, message.senderId) : [message.receiverId];
    for (const receiverId of receivers) {
      notifier.toUserWithReceipt(receiverId, 'message_received', payload, () => {
        metrics.observeDelivery(message.messageType, (clock.now().getTime() - announcedAt.getTime()) / 1000);
        void deliveries.confirm(message, receiverId);
      });
      if (isMutedFor(conversation, receiverId, announcedAt)) continue;
      notifier.toUser(
        receiverId,
        'new_message_notification',
        {
          conversationId: conversation.id,
          senderId: message.senderId,
          senderUsername,
          preview: previewOf(message.content),
        },
        { exceptViewersOf: conversation.id },
      );
    }
    notifier.toUser(
      message.senderId,
      'message_sent',
      payload,
      answeredConnection === undefined ? {} : { exceptConnection: answeredConnection },
    );
  }

  private async targetOf(
    input: NewMessage,
    now: Date,
  ): Promise<{ id: string; lastSeq?: number } | { earlier: Message }> {
    if ('group' in input) return { id: input.group.id, lastSeq: lastSeqOf(input.group) };
    const knownId = this.deps.known.idOf(input.sender.id, input.receiverId);
    return knownId === undefined ? this.openConversation(input, now) : { id: knownId };
  }

  /**
   * The pair's conversation, found or created, the first time this process
   * sends between them. A retry's original is looked for first, so a retried
   * message never opens a conversation of its own.
   */
  private async openConversation(
    input: NewMessage & { receiverId: string },
    now: Date,
  ): Promise<{ id: string; lastSeq?: number } | { earlier: Message }> {
    const earlier = await this.findOriginal(input);
    if (earlier) return { earlier };
    const { conversations, known, ids } = this.deps;
    const conversation = await conversations.findOrCreate(input.sender.id, input.receiverId, ids.next(), now);
    known.remember(conversation);
    return { id: conversation.id, lastSeq: lastSeqOf(conversation) };
  }

  private async storedEarlier(message: Message): Promise<Posted> {
    const posted = await this.withConversation(message);
    if (!posted) throw new Error(`conversation ${message.conversationId} of message ${message.id} not found`);
    return posted;
  }

  private async withConversation(message: Message): Promise<Posted | null> {
    const [conversation, cursor] = await Promise.all([
      this.deps.conversations.findById(message.conversationId),
      this.recordCreation(message),
    ]);
    return conversation && { message, conversation, created: false, cursor };
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
