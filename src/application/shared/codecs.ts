import * as t from 'io-ts';
import { ID_PATTERN } from '../../domain/ids.js';
import {
  CLIENT_MESSAGE_ID_PATTERN,
  EMAIL_MAX_LENGTH,
  EMAIL_PATTERN,
  PASSWORD_MAX_BYTES,
  PASSWORD_MIN_BYTES,
  USERNAME_PATTERN,
  characterCount,
  hasControlOrFormat,
  isBlank,
  isWellFormed,
  normaliseContent,
  passwordByteLength,
} from '../../domain/validation-rules.js';
import { MAX_TITLE_LENGTH } from '../../domain/membership.js';
import { MAX_CONTENT_LENGTH } from '../../domain/message.js';
import { isReactionEmoji } from '../../domain/reaction.js';

/**
 * A string codec that refines (and may transform) with a readable failure
 * message. Every string must be well-formed Unicode first: a lone surrogate
 * would be stored, and break strict JSON decoders of everyone who reads it.
 */
const refinedString = (
  name: string,
  message: string,
  accept: (value: string) => string | null,
): t.Type<string, string, unknown> =>
  new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && isWellFormed(u) && accept(u) === u,
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c, u === undefined ? 'is required' : 'must be a string');
      if (!isWellFormed(u)) return t.failure(u, c, 'must be well-formed Unicode text (no lone surrogates)');
      const accepted = accept(u);
      return accepted === null ? t.failure(u, c, message) : t.success(accepted);
    },
    t.identity,
  );

export const IdString = refinedString('Id', 'must be a 24-character hex id', (s) => (ID_PATTERN.test(s) ? s : null));

export const Username = refinedString('Username', 'must be 3-30 letters, digits or underscores', (s) =>
  USERNAME_PATTERN.test(s) ? s : null,
);

export const Email = refinedString('Email', 'must be a valid e-mail address', (s) => {
  const trimmed = s.trim().toLowerCase();
  return characterCount(trimmed) <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(trimmed) && !hasControlOrFormat(trimmed)
    ? trimmed
    : null;
});

export const Password = refinedString(
  'Password',
  `must be ${PASSWORD_MIN_BYTES}-${PASSWORD_MAX_BYTES} bytes long`,
  (s) => {
    const bytes = passwordByteLength(s);
    return bytes >= PASSWORD_MIN_BYTES && bytes <= PASSWORD_MAX_BYTES ? s : null;
  },
);

/** What login accepts: what registration could have stored (bcrypt reads 72 bytes; longer ones would all match). */
export const LoginPassword = refinedString('Password', `must be 1-${PASSWORD_MAX_BYTES} bytes long`, (s) => {
  const bytes = passwordByteLength(s);
  return bytes >= 1 && bytes <= PASSWORD_MAX_BYTES ? s : null;
});

/** Any non-empty string up to a bound; for secrets we only pass on (refresh token). */
export const BoundedString = (name: string, max: number): t.Type<string, string, unknown> =>
  refinedString(name, `must be a non-empty string of at most ${max} characters`, (s) =>
    s.length > 0 && characterCount(s) <= max ? s : null,
  );

export const Content = refinedString(
  'Content',
  `must be 1-${MAX_CONTENT_LENGTH} characters with something visible`,
  normaliseContent,
);

export const GroupTitle = refinedString(
  'GroupTitle',
  `must be 1-${MAX_TITLE_LENGTH} characters with something visible`,
  (s) => {
    const trimmed = s.trim();
    return isBlank(trimmed) || characterCount(trimmed) > MAX_TITLE_LENGTH ? null : trimmed;
  },
);

export const ReactionEmoji = refinedString(
  'ReactionEmoji',
  'must be one emoji (a pictograph with its modifiers)',
  (s) => (isReactionEmoji(s) ? s : null),
);

export const ClientMessageId = refinedString('ClientMessageId', 'must be 1-64 letters, digits, _ or -', (s) =>
  CLIENT_MESSAGE_ID_PATTERN.test(s) ? s : null,
);

/** An integer in a range, from a number or (query strings) a decimal string. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/** A moment as an ISO 8601 date-time with its offset (`2026-12-01T08:00:00Z`). */
export const Instant = refinedString(
  'Instant',
  'must be an ISO 8601 date-time with a time zone, like 2026-12-01T08:00:00Z',
  (s) => (ISO_INSTANT.test(s) && !Number.isNaN(Date.parse(s)) ? s : null),
);

export const IntInRange = (name: string, min: number, max: number): t.Type<number, number, unknown> =>
  new t.Type<number, number, unknown>(
    name,
    (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max,
    (u, c) => {
      const n = typeof u === 'number' ? u : typeof u === 'string' && /^-?\d{1,9}$/.test(u) ? Number(u) : NaN;
      return Number.isInteger(n) && n >= min && n <= max
        ? t.success(n)
        : t.failure(u, c, `must be an integer from ${min} to ${max}`);
    },
    t.identity,
  );

export const SearchText = refinedString('SearchText', 'must be at most 50 characters', (s) =>
  characterCount(s) <= 50 ? s.trim() : null,
);

/** `true`/`false` from JSON or a query string. */
export const BooleanFlag = new t.Type<boolean, boolean, unknown>(
  'Boolean',
  (u): u is boolean => typeof u === 'boolean',
  (u, c) =>
    typeof u === 'boolean'
      ? t.success(u)
      : u === 'true'
        ? t.success(true)
        : u === 'false'
          ? t.success(false)
          : t.failure(u, c, 'must be true or false'),
  t.identity,
);

/** Where a history page starts: a position in the conversation (a number) or, as older clients send, a message id. */
export type MessageCursor = { readonly seq: number } | { readonly id: string };

export const MessageCursor = new t.Type<MessageCursor, MessageCursor, unknown>(
  'MessageCursor',
  (u): u is MessageCursor => typeof u === 'object' && u !== null && ('seq' in u || 'id' in u),
  (u, c) => {
    if (typeof u === 'number' && Number.isInteger(u) && u >= 0) return t.success({ seq: u });
    if (typeof u === 'string' && /^\d{1,15}$/.test(u)) return t.success({ seq: Number(u) });
    if (typeof u === 'string' && ID_PATTERN.test(u)) return t.success({ id: u });
    return t.failure(u, c, 'must be a message position (a whole number) or a 24-character hex message id');
  },
  t.identity,
);
