import { ERROR_CODES } from '../../../domain/errors.js';
import { PREVIEW_LENGTH } from '../../../domain/message.js';
import type { ResyncReason, ServerEventName } from '../../../ports/realtime-events.js';
import type { SessionEndReason } from '../../../ports/session-revocations.js';
import { boolean, dateTime, idString, object, oneOf, ref, string } from '../openapi/schema-builders.js';
import type { ServerEventDoc } from './event-doc-types.js';
import {
  ALICE,
  BOB,
  CONVERSATION_ID,
  EXAMPLE_CURSOR,
  LATER,
  cursorAfter,
  MESSAGE_ID,
  exampleConversation,
  exampleMessage,
} from './event-examples.js';
import { groupServerEvents } from './group-event-catalog.js';
import { ackError, SOCKET_ERROR_CODES } from './socket-error-codes.js';

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
/** What `message_received`, `message_sent` and the `send_message` ack carry. */
export const messageAndConversation = { message: ref('Message'), conversation: ref('Conversation'), cursor };

/** Every event the server emits, one entry per key of ServerToClientEvents. */
export const serverEvents = {
  message_received: {
    summary: 'A message for this user was stored',
    recipients: 'every socket of the receiver; in a group, of every other member',
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
    summary: 'The receiver read the message (in a group: a member read up to it)',
    recipients: 'every socket of the sender; in a group, of every other member who sees the message',
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
    recipients: 'every socket of the receiver; in a group, of every other member who sees the message',
    description:
      'After `DELETE /api/messages/{messageId}`. Show the message as deleted: history returns it with `isDeleted: true` and empty content.',
    payload: object({ messageId: idString, conversationId: idString, cursor }),
    example: { messageId: MESSAGE_ID, conversationId: CONVERSATION_ID, cursor: cursorAfter(4) },
  },
  message_reaction: {
    summary: 'Someone added or removed an emoji on a message',
    recipients: 'every socket of both participants; in a group, of every member who sees the message',
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
    recipients: 'every socket of both participants; in a group, of every member who sees the message',
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
    description: `Sent with every \`message_received\`, to the receiver’s sockets that have not joined the conversation: a socket showing it has the message already. Not sent to a receiver who muted the conversation. The preview is at most ${PREVIEW_LENGTH} characters, cut between graphemes and ended with "…" when cut.`,
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
    summary: 'Another participant started or stopped typing',
    recipients: 'every socket of the other participant (every other member of a group), unless either blocks the other',
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
