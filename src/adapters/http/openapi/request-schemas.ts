import { MAX_CONTENT_LENGTH } from '../../../domain/message.js';
import {
  CLIENT_MESSAGE_ID_PATTERN,
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_BYTES,
  PASSWORD_MIN_BYTES,
  USERNAME_PATTERN,
} from '../../../domain/validation-rules.js';
import { boolean, idString, object, type Schema } from './schema-builders.js';

const username: Schema = {
  type: 'string',
  pattern: USERNAME_PATTERN.source,
  description: '3-30 letters, digits or underscores; unique ignoring case',
};
const email: Schema = {
  type: 'string',
  maxLength: EMAIL_MAX_LENGTH,
  description: 'Stored lower-case; unique',
};
const password: Schema = {
  type: 'string',
  minLength: PASSWORD_MIN_BYTES,
  maxLength: PASSWORD_MAX_BYTES,
  description: `${PASSWORD_MIN_BYTES}-${PASSWORD_MAX_BYTES} bytes in UTF-8`,
};
const refreshToken: Schema = { type: 'string', minLength: 1, maxLength: 512 };

/** Request bodies. Unknown fields are ignored by the server; they are closed here to say so. */
export const requestSchemas: Record<string, Schema> = {
  RegisterRequest: object({ username, email, password }),
  LoginRequest: object({ email, password: { type: 'string', minLength: 1, maxLength: 1024 } }),
  RefreshRequest: object({ refreshToken }),
  LogoutRequest: object(
    {
      refreshToken: { ...refreshToken, description: 'The session to end (default: the access token’s)' },
      all: { ...boolean, description: 'End every session of the user' },
    },
    ['refreshToken', 'all'],
  ),
  UpdateProfileRequest: { ...object({ username, email }, ['username', 'email']), minProperties: 1 },
  SendMessageRequest: object(
    {
      receiverId: { ...idString, description: 'The user to write to (or give conversationId)' },
      conversationId: { ...idString, description: 'The conversation to write into (or give receiverId)' },
      content: {
        type: 'string',
        minLength: 1,
        maxLength: MAX_CONTENT_LENGTH,
        description: `Trimmed; 1-${MAX_CONTENT_LENGTH} characters, not blank`,
      },
      clientMessageId: {
        type: 'string',
        pattern: CLIENT_MESSAGE_ID_PATTERN.source,
        description: 'Idempotency key: a retry with the same key returns the original message (status 200)',
      },
    },
    ['receiverId', 'conversationId', 'clientMessageId'],
  ),
};
