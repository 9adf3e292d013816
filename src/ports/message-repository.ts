import type { Message, MessageDraft } from '../domain/message.js';

export interface DuplicateMessage {
  /** Which idempotency key already has a message. */
  readonly duplicate: 'clientMessageId' | 'autoMessageId';
  /** The message stored earlier under that key. */
  readonly original: Message;
}

export interface Delivered {
  /** The message after: its `deliveredAt` is the first confirmation's. */
  readonly message: Message;
  /** True only for the call that set `deliveredAt`. */
  readonly marked: boolean;
}

export interface HistoryQuery {
  readonly limit: number;
  /** Messages at positions lower than this one (older). */
  readonly before?: number;
  /** Messages at positions higher than this one (newer). */
  readonly after?: number;
  /** Nothing at or below this position exists for the reader (a group member sees only what came after joining). */
  readonly floor?: number;
}

export interface HistoryPage {
  /** Oldest first. */
  readonly messages: Message[];
  /** More messages exist beyond this page in the direction of travel. */
  readonly hasMore: boolean;
}

export interface MarkedRead {
  readonly id: string;
  readonly senderId: string;
}

export interface MessageRepository {
  /**
   * Stores the message at the next position of its conversation. Unique:
   * (senderId, clientMessageId) when a client id is given; autoMessageId when
   * given; (conversationId, seq) always, so no two messages share a position
   * and no position is left empty to be filled later. `lastSeqHint` is a
   * position known to be taken already (the conversation's last message):
   * it saves looking the highest one up, and is never trusted beyond that.
   * A duplicate key answers with the message stored under it.
   */
  insert(message: MessageDraft, lastSeqHint?: number): Promise<Message | DuplicateMessage>;
  findById(id: string): Promise<Message | null>;
  /** The messages of these ids that exist, in no particular order. */
  findManyByIds(ids: readonly string[]): Promise<Message[]>;
  findByClientMessageId(senderId: string, clientMessageId: string): Promise<Message | null>;
  findByAutoMessageId(autoMessageId: string): Promise<Message | null>;
  /**
   * Ordered by position. Without cursors: the newest `limit`. With `before`: the
   * newest `limit` older than it. With `after`: the oldest `limit` newer than it.
   */
  history(conversationId: string, query: HistoryQuery): Promise<HistoryPage>;
  /** Sets readAt when unset and the reader is the receiver; returns the message after (null if absent). */
  markRead(messageId: string, readerId: string, at: Date): Promise<Message | null>;
  /** Sets deliveredAt when unset; the message after (null if absent). */
  markDelivered(messageId: string, at: Date): Promise<Delivered | null>;
  /** Marks every unread, undeleted message to `readerId` in the conversation; returns those it marked. */
  markConversationRead(conversationId: string, readerId: string, at: Date): Promise<MarkedRead[]>;
  /**
   * Replaces the content and sets editedAt, when `senderId` sent it and it is
   * not deleted; returns the message after (null if absent). A delete at the
   * same moment wins: the content of a deleted message never comes back.
   */
  edit(messageId: string, senderId: string, content: string, at: Date): Promise<Message | null>;
  /** Sets deletedAt and erases the content, when unset and `senderId` sent it; returns the message after (null if absent). */
  softDelete(messageId: string, senderId: string, at: Date): Promise<Message | null>;
  /**
   * Unread (not read, not deleted) messages to the receiver, per conversation;
   * conversations without unread messages are absent. Restricted to
   * `conversationIds` when given.
   */
  countUnreadByConversation(receiverId: string, conversationIds?: readonly string[]): Promise<Map<string, number>>;
  /** Messages of the conversation after position `afterSeq` that others sent and did not delete: a group member's unread count. */
  countUnreadAfter(conversationId: string, readerId: string, afterSeq: number): Promise<number>;
  /** `countUnreadAfter` for several conversations at once (conversation id → position); those with none are absent. */
  countUnreadAfterEach(readerId: string, afterSeqs: ReadonlyMap<string, number>): Promise<Map<string, number>>;
}

export const isDuplicateMessage = (value: unknown): value is DuplicateMessage =>
  typeof value === 'object' && value !== null && 'duplicate' in value;
