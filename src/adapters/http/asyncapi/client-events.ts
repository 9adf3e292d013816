import * as t from 'io-ts';
import { SendMessageInput } from '../../../application/messages/send-message.js';
import { IdString } from '../../../application/shared/codecs.js';
import { ERROR_CODES } from '../../../domain/errors.js';
import { idString, ref } from '../openapi/schema-builders.js';
import type { ClientEventDoc, ClientEventName } from './event-doc-types.js';
import {
  CLIENT_MESSAGE_ID,
  CONVERSATION_ID,
  EXAMPLE_CURSOR,
  LATER,
  MESSAGE_ID,
  exampleConversation,
  exampleMessage,
} from './event-examples.js';
import { messageAndConversation } from './server-events.js';

const conversationId = { conversationId: idString };
const ConversationRef = t.type({ conversationId: IdString });
const MessageRef = t.type({ messageId: IdString });

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
