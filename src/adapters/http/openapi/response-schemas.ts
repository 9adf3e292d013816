import {
  arrayOf,
  syncCursor,
  boolean,
  idString,
  integer,
  nullable,
  object,
  oneOf,
  ref,
  type Schema,
} from './schema-builders.js';

/** The `data` of each success envelope, named so clients can refer to it. */
export const responseSchemas: Record<string, Schema> = {
  LogoutResult: object({ sessionsEnded: oneOf('current', 'all') }),
  UserResult: object({ user: ref('SelfUser') }),
  CurrentUser: object({
    user: ref('SelfUser'),
    blockedUserIds: { ...arrayOf(idString), description: 'Whom the caller blocks, oldest block first' },
  }),
  BlockState: object({ userId: idString, blocked: boolean }),
  MuteState: object({
    conversationId: idString,
    muted: boolean,
    mutedUntil: nullable({
      type: 'string',
      format: 'date-time',
      description: 'When the mute ends by itself; null while muted until unmuting, or when not muted',
    }),
  }),
  UserPage: object({ users: arrayOf(ref('PublicUser')), pagination: ref('Pagination') }),
  OnlineStats: object({
    onlineCount: integer(),
    totalUsers: integer(),
    onlinePercentage: { type: 'number', minimum: 0, maximum: 100 },
  }),
  SentMessage: object({
    message: ref('Message'),
    conversation: ref('Conversation'),
    cursor: ref('ChangeCursor'),
  }),
  ReactionResult: object({
    message: ref('Message'),
    cursor: nullable({
      type: 'string',
      description: 'The reaction in the change feed; null when nothing changed (already there, or already gone)',
    }),
  }),
  EditedMessage: object({
    message: ref('Message'),
    cursor: nullable({
      type: 'string',
      description: 'The edit in the change feed; null when the text was already this',
    }),
  }),
  SyncPage: object({
    changes: { ...arrayOf(ref('Change')), description: 'In position order within each conversation' },
    nextCursor: {
      ...syncCursor,
      description: 'Pass as `since` next time: every conversation’s highest position seen, comma-separated',
    },
    hasMore: { ...boolean, description: 'More changes are waiting: ask again at once with `nextCursor`' },
  }),
  MessageResult: object({ message: ref('Message') }),
  UnreadCounts: object({
    unreadCount: { ...integer(), description: 'Over every conversation' },
    conversations: arrayOf(object({ conversationId: idString, unreadCount: integer() })),
  }),
  ConversationPage: object({ conversations: arrayOf(ref('ConversationSummary')), pagination: ref('Pagination') }),
  ConversationResult: object({ conversation: ref('ConversationSummary') }),
  ConversationChange: {
    ...object({ conversation: ref('Conversation') }),
    description: 'The conversation as it is now (after leaving: the group without the caller)',
  },
  MembersAdded: object({
    conversation: ref('Conversation'),
    added: {
      ...arrayOf(idString),
      description: 'Who became a member by this call; those who already were are not listed',
    },
  }),
  HistorySlice: object({
    messages: { ...arrayOf(ref('Message')), description: 'Oldest first' },
    hasMore: boolean,
    nextBefore: nullable({ ...idString, description: 'Pass as `before` for older messages' }),
    nextAfter: nullable({
      type: 'string',
      description:
        'Pass as `after` for newer messages: the newest id of the slice, or the cursor given when it is empty',
    }),
  }),
  MarkReadResult: object({ markedCount: integer() }),
  Liveness: object({ status: oneOf('alive') }),
  Readiness: object({
    status: oneOf('ready'),
    services: {
      type: 'object',
      additionalProperties: oneOf('up'),
      description: 'Every configured backing service by name',
    },
  }),
};
