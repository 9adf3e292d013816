import type { ConversationView } from '../domain/conversation.js';
import type { MessageView } from '../domain/message.js';
import type { SessionEndReason } from './session-revocations.js';

export interface MessageEventPayload {
  readonly message: MessageView;
  readonly conversation: ConversationView;
  /** The change's place in the change feed (`GET /api/sync`): `<conversationId>:<position>`. */
  readonly cursor: string;
}

export interface AckError {
  readonly code: string;
  readonly message: string;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: AckError };
export type AckCallback<T extends object = object> = (response: Ack<T>) => void;

/** Events the server emits; shared with the tests and any TypeScript client. */
export interface ServerToClientEvents {
  message_received: (payload: MessageEventPayload, ack?: (received: unknown) => void) => void;
  message_sent: (payload: MessageEventPayload) => void;
  message_delivered: (payload: {
    messageId: string;
    conversationId: string;
    deliveredAt: string;
    /** Whose socket acknowledged it: the receiver, or in a group the member. */
    userId: string;
    cursor: string;
  }) => void;
  /** To every member of a new group (its creator too). */
  conversation_created: (payload: { conversation: ConversationView; cursor: string }) => void;
  /** To every member: a group was renamed or changed owner. */
  conversation_updated: (payload: { conversation: ConversationView; cursor: string }) => void;
  /** To every member, the new one included. */
  member_added: (payload: {
    conversationId: string;
    userId: string;
    addedBy: string;
    conversation: ConversationView;
    cursor: string;
  }) => void;
  /** To every remaining member and to the one who left or was removed. */
  member_removed: (payload: { conversationId: string; userId: string; removedBy: string; cursor: string }) => void;
  message_read: (payload: {
    messageId: string;
    conversationId: string;
    readerId: string;
    readAt: string;
    cursor: string;
  }) => void;
  message_deleted: (payload: { messageId: string; conversationId: string; cursor: string }) => void;
  /** To both participants: an emoji added to or removed from a message. */
  message_reaction: (payload: {
    messageId: string;
    conversationId: string;
    emoji: string;
    userId: string;
    added: boolean;
    cursor: string;
  }) => void;
  /** To both participants: the sender's other screens show the edit too. */
  message_edited: (payload: { message: MessageView; cursor: string }) => void;
  new_message_notification: (payload: {
    conversationId: string;
    senderId: string;
    senderUsername: string;
    preview: string;
  }) => void;
  user_online: (payload: { userId: string; username: string; timestamp: string }) => void;
  user_offline: (payload: { userId: string; lastSeen: string }) => void;
  user_typing: (payload: { conversationId: string; userId: string; isTyping: boolean }) => void;
  /** The socket's login session ended (logout, revocation, a credential change); the server disconnects it next. */
  session_ended: (payload: { reason: SessionEndReason }) => void;
  /** This server may have dropped events meant for the socket: fetch from your last positions. */
  resync: (payload: { reason: ResyncReason }) => void;
  error: (payload: AckError) => void;
}

/** `fan_out_restored`: the server's connection to the cross-process fan-out was lost and is back. */
export type ResyncReason = 'fan_out_restored';

export interface ClientToServerEvents {
  join_room: (payload: { conversationId: string }, ack?: AckCallback<{ conversationId: string }>) => void;
  leave_room: (payload: { conversationId: string }, ack?: AckCallback<{ conversationId: string }>) => void;
  send_message: (
    payload: { receiverId?: string; conversationId?: string; content: string; clientMessageId?: string },
    ack?: AckCallback<MessageEventPayload>,
  ) => void;
  typing_start: (payload: { conversationId: string }, ack?: AckCallback<{ conversationId: string }>) => void;
  typing_stop: (payload: { conversationId: string }, ack?: AckCallback<{ conversationId: string }>) => void;
  message_read: (payload: { messageId: string }, ack?: AckCallback<{ message: MessageView }>) => void;
}

export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];
