import { apiOperation } from './operation-builder.js';
import { body, historyCursor, limit, memberParameter, page, pathId, query } from './path-parameters.js';
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
      description: 'Direct conversations and the groups the caller is a member of now.',
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
    post: apiOperation('post', {
      operationId: 'createConversation',
      tag: 'conversations',
      summary: 'Start a group, or find the direct conversation with one user',
      description:
        'One other user and no `title`: the pair’s direct conversation, found or started (one per pair, also when both start it at once), 200; a block either way is a 403. ' +
        'Otherwise a group owned by the caller: 2 to `GROUP_MAX_MEMBERS` − 1 others (default 99) and a `title`, 201. One other user with a title is a 400 (a group has at least 3 members), as are more members than `GROUP_MAX_MEMBERS`; an unknown user is a 404 (`User not found`). ' +
        'Every member of the new group, the caller too, gets `conversation_created` on each socket.',
      auth: true,
      body: body('CreateConversationRequest'),
      success: {
        200: { description: 'The direct conversation of the pair', data: ref('ConversationChange') },
        201: { description: 'The new group', data: ref('ConversationChange') },
      },
      failures: [403, 404],
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
    put: apiOperation('put', {
      operationId: 'renameConversation',
      tag: 'conversations',
      summary: 'Rename a group (its owner only)',
      description:
        'A member who is not the owner gets 403, anyone else 404; a direct conversation has no title (400). Every member gets `conversation_updated`.',
      auth: true,
      parameters: [pathId('conversationId', 'conversation')],
      body: body('RenameConversationRequest'),
      success: { 200: { description: 'The renamed group', data: ref('ConversationChange') } },
      failures: [403, 404],
    }),
  },
  '/api/conversations/{conversationId}/members': {
    post: apiOperation('post', {
      operationId: 'addConversationMembers',
      tag: 'conversations',
      summary: 'Add members to a group (its owner only)',
      description:
        'Users who are members already are no error. A new member sees the history from the moment they joined. More members in all than `GROUP_MAX_MEMBERS` is a 400, as is a direct conversation; an unknown user is a 404; a member who is not the owner gets 403, anyone else 404. ' +
        'Every member, the new ones included, gets `member_added` for each user added.',
      auth: true,
      parameters: [pathId('conversationId', 'conversation')],
      body: body('AddMembersRequest'),
      success: { 200: { description: 'The group, and who joined', data: ref('MembersAdded') } },
      failures: [403, 404],
    }),
  },
  '/api/conversations/{conversationId}/members/{userId}': {
    delete: apiOperation('delete', {
      operationId: 'removeConversationMember',
      tag: 'conversations',
      summary: 'Remove a member (the owner), or leave the group (`me`, any member)',
      description:
        'Naming another member takes the owner (403 for anyone else); `me` leaves. Someone who is not a member is a 404 (`Member not found`); a direct conversation has no members to change (400). ' +
        'Whoever left or was removed is an outsider from then on: the group, its history, sending, marking read, muting and its socket events answer 404 as for any conversation of others. ' +
        'When the owner leaves, the longest-standing member left becomes owner (`conversation_updated`). Every remaining member and the one who left get `member_removed`.',
      auth: true,
      parameters: [pathId('conversationId', 'conversation'), memberParameter],
      success: { 200: { description: 'The group after (without the one who left)', data: ref('ConversationChange') } },
      failures: [403, 404],
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
      description:
        'In a group this moves the caller’s read position to the last message (one write): `markedCount` is how many unread messages it covered, and the other members get one `message_read`, for the newest.',
      auth: true,
      parameters: [pathId('conversationId', 'conversation')],
      success: { 200: { description: 'How many were marked', data: ref('MarkReadResult') } },
      failures: [404],
    }),
  },
};
