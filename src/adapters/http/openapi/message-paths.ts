import { MAX_DISTINCT_REACTIONS } from '../../../domain/reaction.js';
import { apiOperation } from './operation-builder.js';
import { body, emojiParameter, pathId } from './path-parameters.js';
import { ref, type Schema } from './schema-builders.js';

/** Sending, reading, editing, reacting to and deleting messages. */
export const messagePaths: Record<string, Record<string, Schema>> = {
  '/api/messages/send': {
    post: apiOperation('post', {
      operationId: 'sendMessage',
      tag: 'messages',
      summary: 'Send a text message',
      description:
        'To a user (`receiverId`) or into a conversation (`conversationId`: a direct one, or a group, where every other member gets it), never both. Writing to yourself is a 400; an unknown receiver, or a conversation the caller is not in, is a 404; a receiver who blocks the caller is a 403. Retrying with the same `clientMessageId` is safe: the first message comes back with status 200.',
      auth: true,
      body: body('SendMessageRequest'),
      success: {
        200: {
          description: 'clientMessageId matched an earlier message: that message, nothing new stored',
          data: ref('SentMessage'),
        },
        201: {
          description: 'Stored and delivered',
          data: ref('SentMessage'),
        },
      },
      failures: [403, 404],
    }),
  },
  '/api/messages/{messageId}/read': {
    put: apiOperation('put', {
      operationId: 'markMessageRead',
      tag: 'messages',
      summary: 'Mark a received message read (idempotent)',
      description:
        'A receiver only (the sender gets 403). A direct message keeps its first `readAt`; in a group the caller’s read position moves up to the message (never down), and the other members get `message_read`.',
      auth: true,
      parameters: [pathId('messageId', 'message')],
      success: { 200: { description: 'The message', data: ref('MessageResult') } },
      failures: [403, 404],
    }),
  },
  '/api/messages/unread-count': {
    get: apiOperation('get', {
      operationId: 'getUnreadCount',
      tag: 'messages',
      summary: 'Unread messages, in total and per conversation',
      auth: true,
      success: {
        200: {
          description: 'Unread counts',
          data: ref('UnreadCounts'),
        },
      },
    }),
  },
  '/api/messages/{messageId}/reactions/{emoji}': {
    put: apiOperation('put', {
      operationId: 'addReaction',
      tag: 'messages',
      summary: 'React to a message with an emoji (idempotent)',
      description: `Participants only, not on a deleted message (409). The emoji is one grapheme: a pictograph with its skin tone, variation selector or joiners (👍, 👍🏽, ❤️, 👩‍💻), percent-encoded in the path. A message takes at most ${MAX_DISTINCT_REACTIONS} different emoji (409 past it). Every participant gets \`message_reaction\`.`,
      auth: true,
      parameters: [pathId('messageId', 'message'), emojiParameter],
      success: { 200: { description: 'The message with its reactions', data: ref('ReactionResult') } },
      failures: [400, 404, 409],
    }),
    delete: apiOperation('delete', {
      operationId: 'removeReaction',
      tag: 'messages',
      summary: 'Take back your reaction (idempotent)',
      auth: true,
      parameters: [pathId('messageId', 'message'), emojiParameter],
      success: { 200: { description: 'The message with its reactions', data: ref('ReactionResult') } },
      failures: [400, 404, 409],
    }),
  },
  '/api/messages/{messageId}': {
    put: apiOperation('put', {
      operationId: 'editMessage',
      tag: 'messages',
      summary: 'Edit a message you sent',
      description:
        'The sender only, on a text message that is not deleted (409), within `MESSAGE_EDIT_WINDOW_SECONDS` of sending (403). The content follows the rules of a send. Every participant gets `message_edited`; the conversation preview follows when it is the last message.',
      auth: true,
      parameters: [pathId('messageId', 'message')],
      body: body('EditMessageRequest'),
      success: { 200: { description: 'The edited message', data: ref('EditedMessage') } },
      failures: [403, 404, 409],
    }),
    delete: apiOperation('delete', {
      operationId: 'deleteMessage',
      tag: 'messages',
      summary: 'Delete a message you sent (its content disappears for everyone)',
      auth: true,
      parameters: [pathId('messageId', 'message')],
      success: { 200: { description: 'The deleted message', data: ref('MessageResult') } },
      failures: [403, 404],
    }),
  },
};
