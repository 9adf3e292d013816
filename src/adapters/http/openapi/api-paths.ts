import { apiOperation, type Parameter } from './operation-builder.js';
import { requestExamples, type RequestBodyName } from './request-schemas.js';
import { idString, ref, syncCursor, type Schema } from './schema-builders.js';

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

const page = query('page', { type: 'integer', minimum: 1, maximum: 100_000, default: 1 }, 'Page number, from 1');
const limit = (fallback: number): Parameter =>
  query('limit', { type: 'integer', minimum: 1, maximum: 100, default: fallback }, 'Items per page');

/** A history cursor: a position, or a message id standing for its position. */
const cursor: Schema = { type: 'string', pattern: '^(\\d{1,15}|[0-9a-f]{24})$' };

const body = (name: RequestBodyName, required = true) => ({
  schema: ref(name),
  required,
  example: requestExamples[name],
});

export const apiPaths: Record<string, Record<string, Schema>> = {
  '/api/auth/register': {
    post: apiOperation('post', {
      operationId: 'register',
      tag: 'auth',
      summary: 'Create an account and log in',
      body: body('RegisterRequest'),
      success: { 201: { description: 'Registered and logged in', data: ref('AuthSession') } },
      failures: [409],
    }),
  },
  '/api/auth/login': {
    post: apiOperation('post', {
      operationId: 'logIn',
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
      operationId: 'refreshSession',
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
      operationId: 'logOut',
      tag: 'auth',
      summary: 'End the current session (or every session with `all`)',
      auth: true,
      body: body('LogoutRequest', false),
      success: { 200: { description: 'Logged out', data: ref('LogoutResult') } },
    }),
  },
  '/api/auth/me': {
    get: apiOperation('get', {
      operationId: 'getCurrentUser',
      tag: 'auth',
      summary: 'The logged-in user',
      auth: true,
      success: { 200: { description: 'The caller’s account', data: ref('UserResult') } },
      failures: [404],
    }),
  },
  '/api/user/list': {
    get: apiOperation('get', {
      operationId: 'listUsers',
      tag: 'users',
      summary: 'List users, optionally searching by username',
      auth: true,
      parameters: [
        page,
        limit(10),
        query(
          'search',
          { type: 'string', maxLength: 50 },
          'Part of a username, any case; trimmed, and taken literally (no patterns)',
        ),
      ],
      success: {
        200: {
          description: 'One page of users',
          data: ref('UserPage'),
        },
      },
      failures: [400],
    }),
  },
  '/api/user/online-stats': {
    get: apiOperation('get', {
      operationId: 'getOnlineStats',
      tag: 'users',
      summary: 'How many users are online',
      auth: true,
      success: {
        200: {
          description: 'Counts (a user with several connections counts once)',
          data: ref('OnlineStats'),
        },
      },
    }),
  },
  '/api/user/profile': {
    put: apiOperation('put', {
      operationId: 'updateProfile',
      tag: 'users',
      summary: 'Change the caller’s username or e-mail',
      auth: true,
      body: body('UpdateProfileRequest'),
      success: { 200: { description: 'The updated account', data: ref('UserResult') } },
      failures: [404, 409],
    }),
  },
  '/api/messages/send': {
    post: apiOperation('post', {
      operationId: 'sendMessage',
      tag: 'messages',
      summary: 'Send a text message',
      description:
        'To a user (`receiverId`) or into a conversation (`conversationId`), never both. Writing to yourself is a 400; an unknown receiver, or a conversation the caller is not in, is a 404. Retrying with the same `clientMessageId` is safe: the first message comes back with status 200.',
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
      failures: [404],
    }),
  },
  '/api/messages/{messageId}/read': {
    put: apiOperation('put', {
      operationId: 'markMessageRead',
      tag: 'messages',
      summary: 'Mark a received message read (idempotent)',
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
  '/api/messages/{messageId}': {
    put: apiOperation('put', {
      operationId: 'editMessage',
      tag: 'messages',
      summary: 'Edit a message you sent',
      description:
        'The sender only, on a text message that is not deleted (409), within `MESSAGE_EDIT_WINDOW_SECONDS` of sending (403). The content follows the rules of a send. Both participants get `message_edited`; the conversation preview follows when it is the last message.',
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
  '/api/sync': {
    get: apiOperation('get', {
      operationId: 'syncChanges',
      tag: 'sync',
      summary: 'Every change of the caller’s conversations since a cursor',
      description:
        'Without `since`: no changes and the current cursor (start here after loading the history). With `since`: the changes after it, each once and in order within its conversation, whichever process made them; page with `nextCursor` while `hasMore`. Live socket events carry the `cursor` of their change: a client may extend its cursor with an event whose position is one past the one it holds for that conversation. A cursor past what the feed keeps (`SYNC_RETENTION_DAYS`) gets 410 `CURSOR_EXPIRED`.',
      auth: true,
      parameters: [
        query(
          'since',
          syncCursor,
          'A `nextCursor` from an earlier sync, or one built from change cursors (`<conversationId>:<position>`, comma-separated; empty: from the start)',
        ),
        query('limit', { type: 'integer', minimum: 1, maximum: 500, default: 100 }, 'Changes per page'),
      ],
      success: { 200: { description: 'The changes and where to continue', data: ref('SyncPage') } },
      failures: [400, 410],
    }),
  },
  '/api/conversations': {
    get: apiOperation('get', {
      operationId: 'listConversations',
      tag: 'conversations',
      summary: 'The caller’s conversations, newest activity first',
      auth: true,
      parameters: [page, limit(20)],
      success: {
        200: {
          description: 'One page of conversations',
          data: ref('ConversationPage'),
        },
      },
      failures: [400],
    }),
  },
  '/api/conversations/{conversationId}': {
    get: apiOperation('get', {
      operationId: 'getConversation',
      tag: 'conversations',
      summary: 'One conversation of the caller',
      auth: true,
      parameters: [pathId('conversationId', 'conversation')],
      success: {
        200: { description: 'The conversation', data: ref('ConversationResult') },
      },
      failures: [400, 404],
    }),
  },
  '/api/conversations/{conversationId}/messages': {
    get: apiOperation('get', {
      operationId: 'getConversationHistory',
      tag: 'conversations',
      summary: 'Messages of a conversation, oldest first, by cursor',
      description:
        'Give at most one of `before` (older), `after` (newer: what a reconnecting client missed) and `page`; two of them together are a 400. A cursor is a position (`seq`, a whole number) or the id of a message of this conversation, which stands for its position (the id of any other message is a 400). "After the last position I saw" never skips a message, whichever process stored it.',
      auth: true,
      parameters: [
        pathId('conversationId', 'conversation'),
        limit(50),
        query('before', cursor, 'Messages before this position (or message id). Not with `after` or `page`'),
        query('after', cursor, 'Messages after this position (or message id); 0 for all. Not with `before` or `page`'),
        query(
          'page',
          { type: 'integer', minimum: 1, maximum: 1000 },
          'Page counted from the newest messages. Not with `before` or `after`',
        ),
      ],
      success: {
        200: {
          description: 'A slice of the history',
          data: ref('HistorySlice'),
        },
      },
      failures: [400, 404],
    }),
  },
  '/api/conversations/{conversationId}/mark-read': {
    put: apiOperation('put', {
      operationId: 'markConversationRead',
      tag: 'conversations',
      summary: 'Mark every message the caller received in a conversation read',
      auth: true,
      parameters: [pathId('conversationId', 'conversation')],
      success: { 200: { description: 'How many were marked', data: ref('MarkReadResult') } },
      failures: [404],
    }),
  },
};
