import { apiOperation, type Parameter } from './operation-builder.js';
import { arrayOf, boolean, idString, integer, nullable, object, oneOf, ref, type Schema } from './schema-builders.js';

const pathId = (name: string, what: string): Parameter => ({
  name,
  in: 'path',
  required: true,
  description: `The ${what}'s id`,
  schema: idString,
});

const query = (name: string, schema: Schema, description: string): Parameter => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

const page = query('page', { type: 'integer', minimum: 1, default: 1 }, 'Page number, from 1');
const limit = (fallback: number): Parameter =>
  query('limit', { type: 'integer', minimum: 1, maximum: 100, default: fallback }, 'Items per page');

/** A history cursor: a position, or a message id standing for its position. */
const cursor: Schema = { type: 'string', pattern: '^(\\d{1,15}|[0-9a-f]{24})$' };

const body = (name: string, required = true) => ({ schema: ref(name), required });

const messageData = object({ message: ref('Message') });

export const apiPaths: Record<string, Record<string, Schema>> = {
  '/api/auth/register': {
    post: apiOperation('post', {
      tag: 'auth',
      summary: 'Create an account and log in',
      body: body('RegisterRequest'),
      success: { 201: { description: 'Registered and logged in', data: ref('AuthSession') } },
      failures: [409],
    }),
  },
  '/api/auth/login': {
    post: apiOperation('post', {
      tag: 'auth',
      summary: 'Log in with e-mail and password',
      description: 'Throttled per client IP and per account (429). One message for unknown e-mail and wrong password.',
      body: body('LoginRequest'),
      success: { 200: { description: 'Logged in', data: ref('AuthSession') } },
      failures: [401],
    }),
  },
  '/api/auth/refresh': {
    post: apiOperation('post', {
      tag: 'auth',
      summary: 'Exchange a refresh token for new tokens',
      description: 'The presented token stops working. Presenting an already-used one ends that whole session.',
      body: body('RefreshRequest'),
      success: { 200: { description: 'New tokens', data: ref('Tokens') } },
      failures: [401],
    }),
  },
  '/api/auth/logout': {
    post: apiOperation('post', {
      tag: 'auth',
      summary: 'End the current session (or every session with `all`)',
      auth: true,
      body: body('LogoutRequest', false),
      success: { 200: { description: 'Logged out', data: object({ sessionsEnded: oneOf('current', 'all') }) } },
    }),
  },
  '/api/auth/me': {
    get: apiOperation('get', {
      tag: 'auth',
      summary: 'The logged-in user',
      auth: true,
      success: { 200: { description: 'The caller’s account', data: object({ user: ref('SelfUser') }) } },
      failures: [404],
    }),
  },
  '/api/user/list': {
    get: apiOperation('get', {
      tag: 'users',
      summary: 'List users, optionally searching by username',
      auth: true,
      parameters: [
        page,
        limit(10),
        query('search', { type: 'string', maxLength: 50 }, 'Part of a username, any case; taken literally'),
      ],
      success: {
        200: {
          description: 'One page of users',
          data: object({ users: arrayOf(ref('PublicUser')), pagination: ref('Pagination') }),
        },
      },
      failures: [400],
    }),
  },
  '/api/user/online-stats': {
    get: apiOperation('get', {
      tag: 'users',
      summary: 'How many users are online',
      auth: true,
      success: {
        200: {
          description: 'Counts (a user with several connections counts once)',
          data: object({
            onlineCount: integer(),
            totalUsers: integer(),
            onlinePercentage: { type: 'number', minimum: 0, maximum: 100 },
          }),
        },
      },
    }),
  },
  '/api/user/profile': {
    put: apiOperation('put', {
      tag: 'users',
      summary: 'Change the caller’s username or e-mail',
      auth: true,
      body: body('UpdateProfileRequest'),
      success: { 200: { description: 'The updated account', data: object({ user: ref('SelfUser') }) } },
      failures: [404, 409],
    }),
  },
  '/api/messages/send': {
    post: apiOperation('post', {
      tag: 'messages',
      summary: 'Send a text message',
      auth: true,
      body: body('SendMessageRequest'),
      success: {
        200: {
          description: 'clientMessageId matched an earlier message: that message, nothing new stored',
          data: object({ message: ref('Message'), conversation: ref('Conversation') }),
        },
        201: {
          description: 'Stored and delivered',
          data: object({ message: ref('Message'), conversation: ref('Conversation') }),
        },
      },
      failures: [404],
    }),
  },
  '/api/messages/{messageId}/read': {
    put: apiOperation('put', {
      tag: 'messages',
      summary: 'Mark a received message read (idempotent)',
      auth: true,
      parameters: [pathId('messageId', 'message')],
      success: { 200: { description: 'The message', data: messageData } },
      failures: [403, 404],
    }),
  },
  '/api/messages/unread-count': {
    get: apiOperation('get', {
      tag: 'messages',
      summary: 'Unread messages, in total and per conversation',
      auth: true,
      success: {
        200: {
          description: 'Unread counts',
          data: object({
            unreadCount: integer(),
            conversations: arrayOf(object({ conversationId: idString, unreadCount: integer() })),
          }),
        },
      },
    }),
  },
  '/api/messages/{messageId}': {
    delete: apiOperation('delete', {
      tag: 'messages',
      summary: 'Delete a message you sent (its content disappears for everyone)',
      auth: true,
      parameters: [pathId('messageId', 'message')],
      success: { 200: { description: 'The deleted message', data: messageData } },
      failures: [403, 404],
    }),
  },
  '/api/conversations': {
    get: apiOperation('get', {
      tag: 'conversations',
      summary: 'The caller’s conversations, newest activity first',
      auth: true,
      parameters: [page, limit(20)],
      success: {
        200: {
          description: 'One page of conversations',
          data: object({ conversations: arrayOf(ref('ConversationSummary')), pagination: ref('Pagination') }),
        },
      },
      failures: [400],
    }),
  },
  '/api/conversations/{conversationId}': {
    get: apiOperation('get', {
      tag: 'conversations',
      summary: 'One conversation of the caller',
      auth: true,
      parameters: [pathId('conversationId', 'conversation')],
      success: {
        200: { description: 'The conversation', data: object({ conversation: ref('ConversationSummary') }) },
      },
      failures: [400, 404],
    }),
  },
  '/api/conversations/{conversationId}/messages': {
    get: apiOperation('get', {
      tag: 'conversations',
      summary: 'Messages of a conversation, oldest first, by cursor',
      description:
        'Give at most one of `before` (older), `after` (newer: what a reconnecting client missed) or `page`. A cursor is a position (`seq`, a whole number) or a message id of this conversation, which stands for its position. "After the last position I saw" never skips a message, whichever process stored it.',
      auth: true,
      parameters: [
        pathId('conversationId', 'conversation'),
        limit(50),
        query('before', cursor, 'Messages before this position (or message id)'),
        query('after', cursor, 'Messages after this position (or message id); 0 for all'),
        query('page', { type: 'integer', minimum: 1, maximum: 1000 }, 'Page counted from the newest messages'),
      ],
      success: {
        200: {
          description: 'A slice of the history',
          data: object({
            messages: arrayOf(ref('Message')),
            hasMore: boolean,
            nextBefore: nullable({ ...idString, description: 'Pass as `before` for older messages' }),
            nextAfter: nullable({
              type: 'string',
              description:
                'Pass as `after` for newer messages: the newest id of the slice, or the cursor given when it is empty',
            }),
          }),
        },
      },
      failures: [400, 404],
    }),
  },
  '/api/conversations/{conversationId}/mark-read': {
    put: apiOperation('put', {
      tag: 'conversations',
      summary: 'Mark every message the caller received in a conversation read',
      auth: true,
      parameters: [pathId('conversationId', 'conversation')],
      success: { 200: { description: 'How many were marked', data: object({ markedCount: integer() }) } },
      failures: [404],
    }),
  },
};
