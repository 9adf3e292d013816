import { apiOperation } from './operation-builder.js';
import { body, historyCursor, limit, page, pathId, query } from './path-parameters.js';
import { ref, syncCursor, type Schema } from './schema-builders.js';

/** Conversations, their history, and the change feed. */
export const conversationPaths: Record<string, Record<string, Schema>> = {
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
        query('before', historyCursor, 'Messages before this position (or message id). Not with `after` or `page`'),
        query(
          'after',
          historyCursor,
          'Messages after this position (or message id); 0 for all. Not with `before` or `page`',
        ),
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
  '/api/conversations/{conversationId}/mute': {
    put: apiOperation('put', {
      operationId: 'muteConversation',
      tag: 'conversations',
      summary:
        'Mute a conversation for the caller: no new_message_notification for it; messages and unread counts unchanged',
      auth: true,
      parameters: [pathId('conversationId', 'conversation')],
      body: body('MuteRequest', false),
      success: { 200: { description: 'Muted (a second mute replaces the first)', data: ref('MuteState') } },
      failures: [404],
    }),
    delete: apiOperation('delete', {
      operationId: 'unmuteConversation',
      tag: 'conversations',
      summary: 'End the caller’s mute (also when there was none)',
      auth: true,
      parameters: [pathId('conversationId', 'conversation')],
      success: { 200: { description: 'Not muted', data: ref('MuteState') } },
      failures: [404],
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
