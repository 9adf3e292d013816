import { EDGE_ERROR_CODES, ERROR_CODES } from '../../../domain/errors.js';
import { MAX_TITLE_LENGTH } from '../../../domain/membership.js';
import { MAX_CONTENT_LENGTH } from '../../../domain/message.js';
import { MAX_DISTINCT_REACTIONS } from '../../../domain/reaction.js';
import {
  arrayOf,
  boolean,
  dateTime,
  idString,
  integer,
  nullable,
  object,
  oneOf,
  ref,
  string,
  type Schema,
} from './schema-builders.js';

const publicUserProperties = {
  id: idString,
  username: string,
  isOnline: boolean,
  lastSeen: nullable(dateTime),
};

const publicUser = object(publicUserProperties);

const position = {
  type: 'integer',
  minimum: 1,
  description: 'Position in the conversation: 1, 2, 3, … with no hole and no reuse; a jump means messages to fetch',
};

const lastMessage = nullable({
  ...object({
    id: idString,
    seq: position,
    senderId: idString,
    preview: { type: 'string', description: 'Empty once the message is deleted' },
    messageType: oneOf('text', 'auto'),
    createdAt: dateTime,
    isDeleted: boolean,
  }),
  description: 'The newest message, as a preview; null before the first one',
});

const conversationProperties = {
  id: idString,
  kind: {
    ...oneOf('direct', 'group'),
    description: '`direct`: two users, one conversation per pair; `group`: 3 or more members at its start, who change',
  },
  participants: {
    ...arrayOf(idString),
    description:
      'Direct: the two users, sorted. Group: the current members, longest-standing first (none once the last one left)',
  },
  title: nullable({
    type: 'string',
    maxLength: MAX_TITLE_LENGTH,
    description: 'A group’s name; null for a direct conversation',
  }),
  ownerId: nullable({
    ...idString,
    description:
      'Who may rename the group and add or remove members (the longest-standing member once the owner leaves); null for a direct conversation',
  }),
  lastMessage: ref('LastMessage'),
  lastActivityAt: dateTime,
  createdAt: dateTime,
};

const tokenProperties = {
  accessToken: { type: 'string', description: 'Short-lived JWT for `Authorization: Bearer`' },
  accessTokenExpiresAt: dateTime,
  refreshToken: { type: 'string', description: 'Opaque; single use: every refresh returns a new one' },
  refreshTokenExpiresAt: dateTime,
};

const CHANGE_TYPES = [
  'message_created',
  'message_edited',
  'message_deleted',
  'message_delivered',
  'message_read',
  'reaction_added',
  'reaction_removed',
  'conversation_created',
  'conversation_updated',
  'member_added',
  'member_removed',
];

const ERROR_CODE_VALUES = [...Object.values(ERROR_CODES), ...Object.values(EDGE_ERROR_CODES)];

export const componentSchemas: Record<string, Schema> = {
  FieldError: object({ field: string, message: string }),
  ErrorEnvelope: object(
    {
      success: { type: 'boolean', enum: [false] },
      message: string,
      code: oneOf(...ERROR_CODE_VALUES),
      errors: arrayOf(ref('FieldError')),
      requestId: { type: 'string', description: 'Quote it when reporting a 500' },
    },
    ['errors', 'requestId'],
  ),
  SelfUser: object({
    id: idString,
    username: string,
    email: string,
    isOnline: boolean,
    lastSeen: nullable(dateTime),
    createdAt: dateTime,
  }),
  PublicUser: publicUser,
  Message: object({
    id: idString,
    conversationId: idString,
    seq: position,
    senderId: idString,
    receiverId: nullable({
      ...idString,
      description:
        'The other participant of a direct message; null in a group (read and delivery are per member there)',
    }),
    content: { type: 'string', maxLength: MAX_CONTENT_LENGTH, description: 'Empty once the message is deleted' },
    messageType: oneOf('text', 'auto'),
    clientMessageId: nullable(string),
    isDeleted: boolean,
    createdAt: dateTime,
    deliveredAt: nullable({
      ...dateTime,
      description:
        'A direct message: when the receiver got it. Always null in a group (`message_delivered` says who got it)',
    }),
    readAt: nullable({
      ...dateTime,
      description:
        'A direct message: when the receiver read it. Always null in a group (`message_read` says who read it)',
    }),
    deletedAt: nullable(dateTime),
    editedAt: nullable({ ...dateTime, description: 'When the sender last changed the content' }),
    reactions: {
      ...arrayOf(ref('Reaction')),
      maxItems: MAX_DISTINCT_REACTIONS,
      description: 'Per emoji, in the order each first appeared',
    },
  }),
  Reaction: object({
    emoji: string,
    count: integer(1),
    reactedByMe: { ...boolean, description: 'The caller is among those who reacted with it' },
  }),
  LastMessage: lastMessage,
  Conversation: object(conversationProperties),
  ConversationSummary: object({
    ...conversationProperties,
    otherParticipant: nullable({
      ...publicUser,
      description: 'The other user of a direct conversation; null for a group (its members are `participants`)',
    }),
    unreadCount: {
      ...integer(),
      description:
        'Messages others sent that the caller has not read (in a group: those after the caller’s read position)',
    },
    muted: { ...boolean, description: 'The caller muted it: no new_message_notification for it' },
    mutedUntil: nullable({ type: 'string', format: 'date-time', description: 'When the caller’s mute ends by itself' }),
  }),
  Pagination: object({
    page: integer(1),
    limit: integer(1),
    total: integer(),
    totalPages: integer(),
    hasNext: boolean,
  }),
  ChangeCursor: {
    type: 'string',
    pattern: '^[0-9a-f]{24}:[1-9][0-9]{0,14}$',
    description:
      "A change's place: `<conversationId>:<position>`, positions counting 1, 2, 3, … per conversation with no hole",
  },
  Change: object({
    cursor: ref('ChangeCursor'),
    type: oneOf(...CHANGE_TYPES),
    conversationId: idString,
    at: dateTime,
    data: {
      type: 'object',
      description:
        'What the change concerns, as it is now. `message_*`: `{message}` (the message now, reactions included: a deleted one has empty content), with `readerId` for `message_read`, `userId` for `message_delivered` in a group (the member it reached), and `userId` and `emoji` (who added or took back which) for `reaction_*`. `conversation_*`: `{conversation}`. `member_*`: `{conversation, userId}` (the group now, and who joined, or left or was removed).',
      properties: {
        message: ref('Message'),
        readerId: idString,
        userId: idString,
        emoji: string,
        conversation: ref('Conversation'),
      },
      additionalProperties: false,
    },
  }),
  Tokens: object(tokenProperties),
  AuthSession: object({ user: ref('SelfUser'), ...tokenProperties }),
};
