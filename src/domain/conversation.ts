import { previewOf, type Message, type MessageType } from './message.js';

export interface LastMessage {
  readonly id: string;
  /** The message's position: the conversation's highest so far. */
  readonly seq: number;
  readonly senderId: string;
  readonly preview: string;
  readonly messageType: MessageType;
  readonly createdAt: Date;
  readonly isDeleted: boolean;
}

/** `direct`: exactly two users, one conversation per pair, forever. `group`: 3 or more members who change. */
export type ConversationKind = 'direct' | 'group';

export interface Conversation {
  readonly id: string;
  readonly kind: ConversationKind;
  /** Direct: the two participant ids, sorted. Group: the current members, longest-standing first. */
  readonly participants: readonly string[];
  /** Direct: `participants` joined, the key that makes one conversation per pair. Group: null. */
  readonly participantKey: string | null;
  /** A group's name; null for a direct conversation. */
  readonly title: string | null;
  /** Who may rename a group and add or remove members; null for a direct conversation. */
  readonly ownerId: string | null;
  readonly lastMessage: LastMessage | null;
  readonly lastActivityAt: Date;
  readonly createdAt: Date;
  /** Per participant who muted it: until when (`null`: until they unmute). */
  readonly mutes: Readonly<Record<string, Date | null>>;
}

export const participantPair = (a: string, b: string): readonly [string, string] => (a < b ? [a, b] : [b, a]);

export const participantKeyOf = (a: string, b: string): string => participantPair(a, b).join(':');

/** The highest position stored in the conversation as far as this copy knows (0 before the first message). */
export const lastSeqOf = (conversation: Conversation): number => conversation.lastMessage?.seq ?? 0;

/** Whether the participant's mute holds at `now`: no notifications of new messages then. */
export const isMutedFor = (conversation: Conversation, userId: string, now: Date): boolean => {
  const until = conversation.mutes[userId];
  return until === null || (until !== undefined && until > now);
};

export const isParticipant = (conversation: Conversation, userId: string): boolean =>
  conversation.participants.includes(userId);

/** The other participant of a direct conversation (every other member, for a group: see `othersOf`). */
export const otherParticipant = (conversation: Conversation, userId: string): string =>
  conversation.participants.find((id) => id !== userId) ?? userId;

export const othersOf = (conversation: Conversation, userId: string): string[] =>
  conversation.participants.filter((id) => id !== userId);

export const isGroup = (conversation: Conversation): boolean => conversation.kind === 'group';

export const lastMessageOf = (message: Message): LastMessage => ({
  id: message.id,
  seq: message.seq,
  senderId: message.senderId,
  preview: previewOf(message.content),
  messageType: message.messageType,
  createdAt: message.createdAt,
  isDeleted: false,
});

export interface LastMessageView {
  readonly id: string;
  readonly seq: number;
  readonly senderId: string;
  readonly preview: string;
  readonly messageType: MessageType;
  readonly createdAt: string;
  readonly isDeleted: boolean;
}

export interface ConversationView {
  readonly id: string;
  readonly kind: ConversationKind;
  readonly participants: readonly string[];
  readonly title: string | null;
  readonly ownerId: string | null;
  readonly lastMessage: LastMessageView | null;
  readonly lastActivityAt: string;
  readonly createdAt: string;
}

export const conversationView = (conversation: Conversation): ConversationView => ({
  id: conversation.id,
  kind: conversation.kind,
  participants: [...conversation.participants],
  title: conversation.title,
  ownerId: conversation.ownerId,
  lastMessage: conversation.lastMessage
    ? {
        id: conversation.lastMessage.id,
        seq: conversation.lastMessage.seq,
        senderId: conversation.lastMessage.senderId,
        preview: conversation.lastMessage.isDeleted ? '' : conversation.lastMessage.preview,
        messageType: conversation.lastMessage.messageType,
        createdAt: conversation.lastMessage.createdAt.toISOString(),
        isDeleted: conversation.lastMessage.isDeleted,
      }
    : null,
  lastActivityAt: conversation.lastActivityAt.toISOString(),
  createdAt: conversation.createdAt.toISOString(),
});
