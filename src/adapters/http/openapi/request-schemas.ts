import { MAX_TITLE_LENGTH } from '../../../domain/membership.js';
import { MAX_CONTENT_LENGTH } from '../../../domain/message.js';
import {
  CLIENT_MESSAGE_ID_PATTERN,
  EMAIL_MAX_LENGTH,
  EMAIL_PATTERN,
  PASSWORD_MAX_BYTES,
  PASSWORD_MIN_BYTES,
  USERNAME_PATTERN,
} from '../../../domain/validation-rules.js';
import { arrayOf, boolean, idString, object, ref, type Schema } from './schema-builders.js';

const username: Schema = {
  type: 'string',
  pattern: USERNAME_PATTERN.source,
  description: '3-30 letters, digits or underscores; unique ignoring case',
};
const email: Schema = {
  type: 'string',
  maxLength: EMAIL_MAX_LENGTH,
  pattern: EMAIL_PATTERN.source,
  description: 'An e-mail address without control or invisible characters; stored lower-case; unique',
};
const password = (minBytes: number): Schema => ({
  type: 'string',
  // The server counts UTF-8 bytes (bcrypt reads 72) where JSON Schema counts characters: the description is exact.
  minLength: minBytes,
  maxLength: PASSWORD_MAX_BYTES,
  description: `${minBytes}-${PASSWORD_MAX_BYTES} bytes in UTF-8 (an ASCII character is one byte, "é" two, an emoji four)`,
});
const refreshToken: Schema = { type: 'string', minLength: 1, maxLength: 512 };
const content: Schema = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_CONTENT_LENGTH,
  pattern: '\\S',
  description: `1-${MAX_CONTENT_LENGTH} characters once trimmed; text made only of whitespace or invisible characters (zero-width spaces, …) is refused`,
};
const clientMessageId: Schema = {
  type: 'string',
  pattern: CLIENT_MESSAGE_ID_PATTERN.source,
  description:
    'Idempotency key, unique per sender: a retry with the same key returns the original message (status 200) and stores nothing',
};
const title: Schema = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_TITLE_LENGTH,
  pattern: '\\S',
  description: `The group’s name: 1-${MAX_TITLE_LENGTH} characters once trimmed, not blank`,
};
const userIds = (description: string): Schema => ({
  ...arrayOf(idString),
  minItems: 1,
  uniqueItems: true,
  description,
});

const UNKNOWN_FIELDS = 'Fields not listed here are not allowed; the server drops them unread.';

/** Request bodies, closed: the server ignores unknown fields, so a client must not rely on sending any. */
export const requestSchemas: Record<string, Schema> = {
  RegisterRequest: {
    ...object({ username, email, password: password(PASSWORD_MIN_BYTES) }),
    description: UNKNOWN_FIELDS,
  },
  LoginRequest: {
    ...object({ email: { ...email, description: 'The account’s e-mail address, in any case' }, password: password(1) }),
    description: UNKNOWN_FIELDS,
  },
  RefreshRequest: { ...object({ refreshToken }), description: UNKNOWN_FIELDS },
  LogoutRequest: {
    ...object(
      {
        refreshToken: { ...refreshToken, description: 'The session to end (default: the access token’s)' },
        all: { ...boolean, description: 'End every session of the user' },
      },
      ['refreshToken', 'all'],
    ),
    description: UNKNOWN_FIELDS,
  },
  UpdateProfileRequest: {
    ...object(
      {
        username,
        email: { ...email, description: `${email.description}. Changing it ends the user’s other sessions` },
      },
      ['username', 'email'],
    ),
    minProperties: 1,
    description: `At least one of the two. ${UNKNOWN_FIELDS}`,
  },
  SendToUserRequest: {
    ...object({ receiverId: { ...idString, description: 'The user to write to' }, content, clientMessageId }, [
      'clientMessageId',
    ]),
    description: `To a user: their conversation with the caller is found or started. ${UNKNOWN_FIELDS}`,
  },
  SendToConversationRequest: {
    ...object(
      {
        conversationId: { ...idString, description: 'A conversation of the caller' },
        content,
        clientMessageId,
      },
      ['clientMessageId'],
    ),
    description: `Into a conversation of the caller. ${UNKNOWN_FIELDS}`,
  },
  EditMessageRequest: { ...object({ content }), description: `The new text. ${UNKNOWN_FIELDS}` },
  MuteRequest: {
    ...object(
      {
        until: {
          type: 'string',
          format: 'date-time',
          pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:\\d{2})$',
          description:
            'When the mute ends by itself: in the future, at most ten years ahead. Omit it to mute until unmuting',
        },
      },
      ['until'],
    ),
    description: UNKNOWN_FIELDS,
  },
  CreateConversationRequest: {
    ...object(
      {
        participantIds: userIds(
          'The other members, not the caller: one id and no title for the pair’s direct conversation; 2 to `GROUP_MAX_MEMBERS` − 1 (default 99) ids and a title for a group',
        ),
        title,
      },
      ['title'],
    ),
    description: `A group (with \`title\`), or the direct conversation with one user (without). ${UNKNOWN_FIELDS}`,
  },
  RenameConversationRequest: { ...object({ title }), description: `The group’s new name. ${UNKNOWN_FIELDS}` },
  AddMembersRequest: {
    ...object({
      userIds: userIds('Users to add; those already members are no error. At most `GROUP_MAX_MEMBERS` members in all'),
    }),
    description: UNKNOWN_FIELDS,
  },
  SendMessageRequest: {
    description: 'Exactly one of `receiverId` and `conversationId` (both is a 400)',
    oneOf: [ref('SendToUserRequest'), ref('SendToConversationRequest')],
  },
};

export type RequestBodyName =
  | 'RegisterRequest'
  | 'LoginRequest'
  | 'RefreshRequest'
  | 'LogoutRequest'
  | 'UpdateProfileRequest'
  | 'SendMessageRequest'
  | 'EditMessageRequest'
  | 'MuteRequest'
  | 'CreateConversationRequest'
  | 'RenameConversationRequest'
  | 'AddMembersRequest';

/** One valid body per request, shown in the docs and checked against the schema and the server's decoders. */
export const requestExamples: Readonly<Record<RequestBodyName, object>> = {
  RegisterRequest: { username: 'ada_lovelace', email: 'ada@example.com', password: 'correct horse battery' },
  LoginRequest: { email: 'ada@example.com', password: 'correct horse battery' },
  RefreshRequest: { refreshToken: 'ESYH2h8IPZfqGGuCIfkRn6-d1Qe5_RLPP_eujJnBzeE' },
  LogoutRequest: { all: false },
  UpdateProfileRequest: { username: 'countess_ada' },
  EditMessageRequest: { content: 'Hello, Charles! (edited)' },
  MuteRequest: { until: '2030-12-01T08:00:00Z' },
  CreateConversationRequest: {
    participantIds: ['665f1c2ab9d3e4f5a6b7c8da', '665f1c2ab9d3e4f5a6b7c8de'],
    title: 'Analytical Engine',
  },
  RenameConversationRequest: { title: 'Difference Engine' },
  AddMembersRequest: { userIds: ['665f1c2ab9d3e4f5a6b7c8df'] },
  SendMessageRequest: {
    receiverId: '665f1c2ab9d3e4f5a6b7c8d9',
    content: 'Hello, Charles!',
    clientMessageId: '7c0e2a3e-4b1f-4f3a-9d5e-2f6c1b8a9e01',
  },
};
