import * as t from 'io-ts';
import { IdString } from '../../../application/shared/codecs.js';
import { SendMessageInput } from '../../../application/messages/send-message.js';
import { EDGE_ERROR_CODES, ERROR_CODES } from '../../../domain/errors.js';
import { PREVIEW_LENGTH } from '../../../domain/message.js';
import type {
  ClientToServerEvents,
  ResyncReason,
  ServerEventName,
  ServerEventPayload,
  ServerToClientEvents,
} from '../../../ports/realtime-events.js';
import type { SessionEndReason } from '../../../ports/session-revocations.js';
import { boolean, dateTime, idString, object, oneOf, ref, string, type Schema } from '../openapi/schema-builders.js';
import {
  ALICE,
  BOB,
  CLIENT_MESSAGE_ID,
  CONVERSATION_ID,
  EXAMPLE_CURSOR,
  LATER,
  cursorAfter,
  MESSAGE_ID,
  exampleConversation,
  exampleMessage,
} from './event-examples.js';
import { groupServerEvents } from './group-event-catalog.js';

export type ClientEventName = keyof ClientToServerEvents;
export type ClientEventPayload<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[0];
/** What the server's ack carries when the event succeeded (`ok: true` and the data). */
export type AckSuccess<E extends ClientEventName> = Extract<
  Parameters<NonNullable<Parameters<ClientToServerEvents[E]>[1]>>[0],
  { ok: true }
>;
export type AckErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES] | typeof EDGE_ERROR_CODES.internal;

/** An event the server emits. */
export interface ServerEventDoc<E extends ServerEventName> {
  readonly summary: string;
  readonly description: string;
  /** Which sockets get it. */
  readonly recipients: string;
  readonly payload: Schema;
  readonly example: ServerEventPayload<E>;
  /** The acknowledgement the server asks the client for, when it asks for one. */
  readonly reply?: { readonly summary: string; readonly payload: Schema; readonly example: unknown };
}

/** An event a client emits, with an optional ack callback. */
export interface ClientEventDoc<E extends ClientEventName> {
  readonly summary: string;
  readonly description: string;
  /** The io-ts codec the server decodes the payload with; the payload schema is derived from it. */
  readonly codec: t.Decoder<unknown, unknown>;
  readonly fieldDescriptions: Readonly<Record<string, string>>;
  /** Rules the use case checks beyond the codec, as JSON Schema merged into the payload schema. */
  readonly payloadRules?: Schema;
  readonly example: ClientEventPayload<E>;
  readonly ack: { readonly data: Readonly<Record<string, Schema>>; readonly example: AckSuccess<E> };
  /** Codes this event's own failures carry; those every event can answer are in EVERY_EVENT_ERRORS. */
  readonly errors: readonly AckErrorCode[];
}

/** Every code a socket error can carry. */
export const SOCKET_ERROR_CODES = [
  ...Object.values(ERROR_CODES),
  EDGE_ERROR_CODES.internal,
] as const satisfies readonly AckErrorCode[];

/** `{code, message}`, the error of a failed ack or of the `error` event. */
export const ackError = (codes: readonly AckErrorCode[]): Schema => object({ code: oneOf(...codes), message: string });

/** Failures any client event can be answered with. */
export const EVERY_EVENT_ERRORS = [
  ERROR_CODES.RateLimited,
  ERROR_CODES.Unavailable,
  EDGE_ERROR_CODES.internal,
] as const satisfies readonly AckErrorCode[];

const SESSION_END_REASONS = ['logout', 'revoked', 'credentials_changed'] as const satisfies readonly SessionEndReason[];
const RESYNC_REASONS = ['fan_out_restored'] as const satisfies readonly ResyncReason[];
// Both lists must name every member of their union: a new reason without documentation fails here.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
const everySessionEndReason: Missing<SessionEndReason, (typeof SESSION_END_REASONS)[number]> = true;
const everyResyncReason: Missing<ResyncReason, (typeof RESYNC_REASONS)[number]> = true;
void everySessionEndReason;
void everyResyncReason;

const cursor = {
  ...ref('ChangeCursor'),
  description: 'This change’s place in the change feed (`GET /api/sync`): extend your cursor with it',
};
const messageAndConversation = { message: ref('Message'), conversation: ref('Conversation'), cursor };
const conversationId = { conversationId: idString };
const ConversationRef = t.type({ conversationId: IdString });
const MessageRef = t.type({ messageId: IdString });

/** Every event the server emits, one entry per key of ServerToClientEvents. */
export const serverEvents = {
  message_received: {
    summary: 'A message for this user was stored',
    recipients: 'every socket of the receiver',
    description:
      'Sent for every new message (text or auto) and again whenever a retried send (same `clientMessageId`) finds it stored, so deduplicate by `message.id`. ' +
      'Acknowledge it with the Socket.IO callback: once a receiver socket has acknowledged (when all have answered, or at the latest after `DELIVERY_RECEIPT_TIMEOUT_MS`), the message is marked delivered and the sender gets `message_delivered`.',
    payload: object(messageAndConversation),
    example: { message: exampleMessage, conversation: exampleConversation, cursor: EXAMPLE_CURSOR },
    reply: {
      summary: 'any value; its arrival confirms delivery',
      payload: { description: 'Any value; it is not read' },
      example: true,
    },
  },
  message_sent: {
    summary: 'This user sent a message',
    recipients:
      'every socket of the sender but the one that sent it with an ack callback (its ack carries the message); every socket after a REST send or an auto message',
    description:
      'The message the user sent from any socket, over REST or by the auto-message pipeline (`messageType: auto`), so every tab shows it. ' +
      'A socket that sent `send_message` with an ack callback gets the stored message in the ack and no `message_sent`; one that sent without a callback gets it. ' +
      'Repeated, like `message_received`, when a retried send finds the message stored: deduplicate by `message.id`.',
    payload: object(messageAndConversation),
    example: { message: exampleMessage, conversation: exampleConversation, cursor: EXAMPLE_CURSOR },
  },
  message_delivered: {
    summary: 'A receiver socket acknowledged the message',
    recipients: 'every socket of the sender',
    description:
      'Sent once per message, when the first acknowledgement of `message_received` is recorded; in a group once per member. `userId` is whose socket acknowledged.',
    payload: object({ messageId: idString, conversationId: idString, deliveredAt: dateTime, userId: idString, cursor }),
    example: {
      messageId: MESSAGE_ID,
      conversationId: CONVERSATION_ID,
      deliveredAt: LATER,
      userId: BOB.id,
      cursor: cursorAfter(1),
    },
  },
  message_read: {
    summary: 'The receiver read the message',
    recipients: 'every socket of the sender',
    description:
      'Sent once per message, whichever way it was marked read: the `message_read` event, `PUT /api/messages/{messageId}/read` or `PUT /api/conversations/{conversationId}/mark-read`.',
    payload: object({ messageId: idString, conversationId: idString, readerId: idString, readAt: dateTime, cursor }),
    example: {
      messageId: MESSAGE_ID,
      conversationId: CONVERSATION_ID,
      readerId: BOB.id,
      readAt: LATER,
      cursor: cursorAfter(2),
    },
  },
  message_deleted: {
    summary: 'The sender deleted a message',
    recipients: 'every socket of the receiver',
    description:
      'After `DELETE /api/messages/{messageId}`. Show the message as deleted: history returns it with `isDeleted: true` and empty content.',
    payload: object({ messageId: idString, conversationId: idString, cursor }),
    example: { messageId: MESSAGE_ID, conversationId: CONVERSATION_ID, cursor: cursorAfter(4) },
  },
  message_reaction: {
    summary: 'Someone added or removed an emoji on a message',
    recipients: 'every socket of both participants',
    description:
      'After `PUT` or `DELETE /api/messages/{messageId}/reactions/{emoji}` changed something (an add of an emoji already there, or a remove of one that is not, is silent). `added` says which; update the count on the message, and `reactedByMe` when `userId` is you.',
    payload: object({
      messageId: idString,
      conversationId: idString,
      emoji: string,
      userId: idString,
      added: boolean,
      cursor,
    }),
    example: {
      messageId: MESSAGE_ID,
      conversationId: CONVERSATION_ID,
      emoji: '👍',
      userId: BOB.id,
      added: true,
      cursor: cursorAfter(5),
    },
  },
  message_edited: {
    summary: 'The sender changed the text of a message',
    recipients: 'every socket of both participants',
    description:
      'After `PUT /api/messages/{messageId}`: the message as it is now, with `editedAt`. Replace the text you show; the conversation preview follows when it is the last message.',
    payload: object({ message: ref('Message'), cursor }),
    example: {
      message: { ...exampleMessage, content: 'See you at one?', editedAt: LATER },
      cursor: cursorAfter(3),
    },
  },
  new_message_notification: {
    summary: 'A notice of a new message, for badges and toasts',
    recipients:
      'every socket of the receiver that is not viewing the conversation (has not joined it with `join_room`)',
    description: `Sent with every \`message_received\`, to the receiver’s sockets that have not joined the conversation: a socket showing it has the message already. The preview is at most ${PREVIEW_LENGTH} characters, cut between graphemes and ended with "…" when cut.`,
    payload: object({ conversationId: idString, senderId: idString, senderUsername: string, preview: string }),
    example: {
      conversationId: CONVERSATION_ID,
      senderId: ALICE.id,
      senderUsername: ALICE.username,
      preview: exampleMessage.content,
    },
  },
  user_online: {
    summary: 'A user’s first connection opened',
    recipients: 'every socket of each user who shares a conversation with them',
    description: 'Counted over all of the user’s sockets on every process: a second tab announces nothing.',
    payload: object({ userId: idString, username: string, timestamp: dateTime }),
    example: { userId: BOB.id, username: BOB.username, timestamp: LATER },
  },
  user_offline: {
    summary: 'A user’s last connection closed',
    recipients: 'every socket of each user who shares a conversation with them',
    description: '`lastSeen` is stored and shown in user lists from then on.',
    payload: object({ userId: idString, lastSeen: dateTime }),
    example: { userId: BOB.id, lastSeen: LATER },
  },
  user_typing: {
    summary: 'The other participant started or stopped typing',
    recipients: 'every socket of the other participant',
    description:
      '`isTyping: true` at the first `typing_start` of any of the user’s sockets; `false` at the last `typing_stop`, or when the typing socket sends a message there or disconnects, or `TYPING_TIMEOUT_MS` after the last start.',
    payload: object({ conversationId: idString, userId: idString, isTyping: boolean }),
    example: { conversationId: CONVERSATION_ID, userId: ALICE.id, isTyping: true },
  },
  session_ended: {
    summary: 'This socket’s login session ended; the server disconnects it next',
    recipients: 'the sockets opened with that session’s tokens, on every process',
    description:
      '`logout`: the session (or all sessions) logged out; `revoked`: a used refresh token was presented again; `credentials_changed`: the e-mail was changed in another session. ' +
      'The session’s refresh token no longer works: log in again instead of reconnecting.',
    payload: object({ reason: oneOf(...SESSION_END_REASONS) }),
    example: { reason: 'logout' },
  },
  resync: {
    summary: 'Events meant for this socket may have been dropped: catch up',
    recipients: 'every socket of the server process whose fan-out connection (Redis) was lost and is back',
    description:
      'Fetch every conversation from its last position, as after a reconnect: `GET /api/conversations/{conversationId}/messages?after=<last seq>`.',
    payload: object({ reason: oneOf(...RESYNC_REASONS) }),
    example: { reason: 'fan_out_restored' },
  },
  error: {
    summary: 'A failure with no ack callback to carry it',
    recipients: 'the socket concerned',
    description:
      'A client event sent without an ack callback failed (the same `{code, message}` its ack would carry); or the access token expired (`UNAUTHORIZED`, `token expired`) and the server disconnects the socket next.',
    payload: ackError(SOCKET_ERROR_CODES),
    example: { code: ERROR_CODES.Unauthorized, message: 'token expired' },
  },
  ...groupServerEvents,
} satisfies { [E in ServerEventName]: ServerEventDoc<E> };

/** Every event a client may emit, one entry per key of ClientToServerEvents. */
export const clientEvents = {
  join_room: {
    summary: 'This socket shows a conversation',
    description:
      'Joins the socket to the conversation’s room. Participants only: to anyone else the conversation does not exist (`NOT_FOUND`). ' +
      'Joining means this socket is viewing the conversation: until it leaves (or disconnects) it gets no `new_message_notification` for it; `message_received` still comes.',
    codec: ConversationRef,
    fieldDescriptions: { conversationId: 'A conversation of the caller' },
    example: { conversationId: CONVERSATION_ID },
    ack: { data: conversationId, example: { ok: true, conversationId: CONVERSATION_ID } },
    errors: [ERROR_CODES.Validation, ERROR_CODES.NotFound],
  },
  leave_room: {
    summary: 'This socket no longer shows a conversation',
    description:
      'Leaves the conversation’s room; any well-formed id is accepted. The socket gets `new_message_notification` for it again.',
    codec: ConversationRef,
    fieldDescriptions: { conversationId: 'The conversation to leave' },
    example: { conversationId: CONVERSATION_ID },
    ack: { data: conversationId, example: { ok: true, conversationId: CONVERSATION_ID } },
    errors: [ERROR_CODES.Validation],
  },
  send_message: {
    summary: 'Send a text message',
    description:
      'Exactly as `POST /api/messages/send`: to a user (`receiverId`; the first message creates the pair’s conversation) or into a conversation (`conversationId`), never both. ' +
      'With `clientMessageId`, a retry returns the message stored the first time (and announces it again) instead of storing another: retry with the same id until an ack with `ok: true` arrives. ' +
      'The ack carries the stored message; the receiver gets `message_received` (and `new_message_notification` on the sockets not viewing the conversation), the sender’s other sockets `message_sent`. ' +
      'Sent without an ack callback, the sending socket gets `message_sent` too. ' +
      'A receiver who blocks the sender refuses it: `FORBIDDEN`.',
    codec: SendMessageInput,
    fieldDescriptions: {
      receiverId: 'The user to write to (or give conversationId)',
      conversationId: 'The conversation to write into (or give receiverId)',
      clientMessageId:
        'Idempotency key, unique per sender: the same key always stands for the same message (a UUID does)',
    },
    payloadRules: { oneOf: [{ required: ['receiverId'] }, { required: ['conversationId'] }] },
    example: { conversationId: CONVERSATION_ID, content: exampleMessage.content, clientMessageId: CLIENT_MESSAGE_ID },
    ack: {
      data: messageAndConversation,
      example: { ok: true, message: exampleMessage, conversation: exampleConversation, cursor: EXAMPLE_CURSOR },
    },
    errors: [ERROR_CODES.Validation, ERROR_CODES.NotFound, ERROR_CODES.Forbidden],
  },
  typing_start: {
    summary: 'The user is typing in a conversation',
    description:
      'The partner gets `user_typing {isTyping: true}` once, however many of the user’s sockets type, unless either blocks the other. ' +
      'Typing ends by itself `TYPING_TIMEOUT_MS` after the last start: repeat the start while the user keeps typing.',
    codec: ConversationRef,
    fieldDescriptions: { conversationId: 'A conversation of the caller' },
    example: { conversationId: CONVERSATION_ID },
    ack: { data: conversationId, example: { ok: true, conversationId: CONVERSATION_ID } },
    errors: [ERROR_CODES.Validation, ERROR_CODES.NotFound],
  },
  typing_stop: {
    summary: 'The user stopped typing in a conversation',
    description: 'The partner gets `user_typing {isTyping: false}` when no other socket of the user still types there.',
    codec: ConversationRef,
    fieldDescriptions: { conversationId: 'A conversation of the caller' },
    example: { conversationId: CONVERSATION_ID },
    ack: { data: conversationId, example: { ok: true, conversationId: CONVERSATION_ID } },
    errors: [ERROR_CODES.Validation, ERROR_CODES.NotFound],
  },
  message_read: {
    summary: 'Mark a received message read',
    description:
      'As `PUT /api/messages/{messageId}/read`: only the receiver may (`FORBIDDEN` for the sender), and marking twice keeps the first time. The sender gets `message_read`.',
    codec: MessageRef,
    fieldDescriptions: { messageId: 'A message the caller received' },
    example: { messageId: MESSAGE_ID },
    ack: {
      data: { message: ref('Message') },
      example: { ok: true, message: { ...exampleMessage, deliveredAt: LATER, readAt: LATER } },
    },
    errors: [ERROR_CODES.Validation, ERROR_CODES.NotFound, ERROR_CODES.Forbidden],
  },
} satisfies { [E in ClientEventName]: ClientEventDoc<E> };
