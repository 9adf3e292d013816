import type { ReactionView } from './reaction.js';

export type MessageType = 'text' | 'auto';

export const MAX_CONTENT_LENGTH = 1000;

export interface Message {
  readonly id: string;
  readonly conversationId: string;
  /** Position in the conversation: 1, 2, 3, … with no hole and no reuse, whichever process stored it. */
  readonly seq: number;
  readonly senderId: string;
  /** The other participant of a direct conversation; null in a group (read and delivery are per member there). */
  readonly receiverId: string | null;
  readonly content: string;
  readonly messageType: MessageType;
  /** The sender's idempotency key, when the client gave one. */
  readonly clientMessageId: string | null;
  /** The planned auto-message this message was made from (at most one message each). */
  readonly autoMessageId: string | null;
  readonly createdAt: Date;
  readonly deliveredAt: Date | null;
  readonly readAt: Date | null;
  readonly deletedAt: Date | null;
  /** When the sender last changed the content. */
  readonly editedAt: Date | null;
}

/** A message before it is stored: the repository gives it its position. */
export type MessageDraft = Omit<Message, 'seq'>;

export interface MessageView {
  readonly id: string;
  readonly conversationId: string;
  readonly seq: number;
  readonly senderId: string;
  /** Null in a group. */
  readonly receiverId: string | null;
  /** Empty once the message is deleted. */
  readonly content: string;
  readonly messageType: MessageType;
  readonly clientMessageId: string | null;
  readonly isDeleted: boolean;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  readonly readAt: string | null;
  readonly deletedAt: string | null;
  readonly editedAt: string | null;
  /** Per emoji, in the order each first appeared; `reactedByMe` is the viewer's. */
  readonly reactions: readonly ReactionView[];
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export const messageView = (message: Message, reactions: readonly ReactionView[] = []): MessageView => ({
  id: message.id,
  conversationId: message.conversationId,
  seq: message.seq,
  senderId: message.senderId,
  receiverId: message.receiverId,
  content: message.deletedAt ? '' : message.content,
  messageType: message.messageType,
  clientMessageId: message.clientMessageId,
  isDeleted: message.deletedAt !== null,
  createdAt: message.createdAt.toISOString(),
  deliveredAt: iso(message.deliveredAt),
  readAt: iso(message.readAt),
  deletedAt: iso(message.deletedAt),
  editedAt: iso(message.editedAt),
  reactions,
});

export const PREVIEW_LENGTH = 100;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** At most PREVIEW_LENGTH UTF-16 units, cut between graphemes (never inside an emoji or a pair), with "…" when cut. */
export const previewOf = (content: string): string => {
  if (content.length <= PREVIEW_LENGTH) return content;
  let end = 0;
  for (const { segment } of graphemes.segment(content)) {
    if (end + segment.length > PREVIEW_LENGTH - 1) break;
    end += segment.length;
  }
  return `${content.slice(0, end)}…`;
};
