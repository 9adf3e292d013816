import type { ServerEventPayload } from '../../src/ports/realtime-events.js';
import type { ConversationSummary, PublicUser, SelfUser } from './rest-types.js';

/** A stored message as the server sends it, over REST and the socket alike. */
export type MessageView = ServerEventPayload<'message_received'>['message'];

/** One emoji on a message: how many reacted with it, and whether this user did. */
export type ReactionView = MessageView['reactions'][number];

/** A conversation as socket events carry it (no unread count, no participant details). */
export type ConversationView = ServerEventPayload<'message_received'>['conversation'];

/** What a send returns and message events carry: the stored message, its conversation, and its place in the change feed. */
export type StoredMessage = Pick<ServerEventPayload<'message_received'>, 'message' | 'conversation' | 'cursor'>;

/**
 * `pending`: in the outbox, not acknowledged yet; `failed`: refused for good
 * (see `error`; `retry` or `discard` it); then `sent` (stored), `delivered`
 * (a receiver's device has it), `read`.
 */
export type MessageStatus = 'pending' | 'failed' | 'sent' | 'delivered' | 'read';

/** Why the server refused a send for good. */
export interface SendFailure {
  /** The HTTP status (0 when the socket refused it). */
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export type ChatMessage = MessageView & {
  /** Stable for the message's whole life: its clientMessageId for own sends, else its id. */
  readonly key: string;
  readonly status: MessageStatus;
  /** Sent by the logged-in user. */
  readonly mine: boolean;
  /** Set when `status` is `failed`. */
  readonly error?: SendFailure;
};

/** The server's conversation summary, kept current from live events. */
export type ConversationState = ConversationSummary;

export type UserView = SelfUser;
export type UserListItem = PublicUser;

export type ConnectionState = 'offline' | 'connecting' | 'online';

/** The server's reasons, and `expired`: the stored login could not be renewed. */
export type SessionEndReason = ServerEventPayload<'session_ended'>['reason'] | 'expired';

export type SendTarget = { readonly conversationId: string } | { readonly receiverId: string };

export interface ClientEvents {
  /** The first sight of a message, exactly once per message (own sends at once, as `pending`). */
  message: (message: ChatMessage) => void;
  /** The same message (same `key`) later: sent, delivered, read, edited, deleted, failed. */
  message_updated: (message: ChatMessage) => void;
  /** A conversation appeared or changed (last message, unread count, the other participant's presence; a group's title, owner or members). */
  conversation: (conversation: ConversationState) => void;
  /** The user left a group or was removed from it: it is gone from `conversations()`, with its messages. */
  conversation_left: (event: { conversationId: string }) => void;
  typing: (event: { conversationId: string; userId: string; isTyping: boolean }) => void;
  presence: (event: { userId: string; online: boolean; lastSeen: string | null }) => void;
  connection: (state: ConnectionState) => void;
  /** A catch-up after a (re)connect or `resync` finished; `fetched` = messages it found that were new here. */
  recovered: (event: { fetched: number }) => void;
  /** The session ended elsewhere (logout, revocation, expiry): the client is logged out. */
  session_ended: (event: { reason: SessionEndReason }) => void;
}
