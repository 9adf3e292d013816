import { MAX_CONTENT_LENGTH } from './message.js';

export const USERNAME_PATTERN = /^[A-Za-z0-9_]{3,30}$/;
export const PASSWORD_MIN_BYTES = 8;
/** bcrypt reads only the first 72 bytes: longer passwords are refused, not cut. */
export const PASSWORD_MAX_BYTES = 72;
export const EMAIL_MAX_LENGTH = 254;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const CLIENT_MESSAGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A UTF-16 half of a pair standing alone: not Unicode text, and strict JSON decoders reject it. */
const LONE_SURROGATE = /\p{Cs}/u;

export const isWellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Characters (code points) of well-formed text, as JSON Schema's `maxLength` counts them: an emoji is one, not two. */
export const characterCount = (text: string): number => text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);

/** Control and format characters (NUL, DEL, zero-width, bidi overrides, …): never part of a name or an address. */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;

export const hasControlOrFormat = (text: string): boolean => CONTROL_OR_FORMAT.test(text);

/**
 * What renders as nothing: whitespace, control and format characters,
 * variation selectors, the combining grapheme joiner, and the letters and
 * symbols that draw blank (Hangul fillers, braille blank, Khmer inherent vowels).
 */
const INVISIBLE =
  /[\p{White_Space}\p{Cc}\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u2800\u3164\uFFA0\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

export const isBlank = (text: string): boolean => text.replace(INVISIBLE, '').length === 0;

export const passwordByteLength = (password: string): number => new TextEncoder().encode(password).length;

/** Trims message content; returns null when it is blank (nothing visible), too long, or not well-formed. */
export const normaliseContent = (content: string): string | null => {
  const trimmed = content.trim();
  return isBlank(trimmed) || !isWellFormed(trimmed) || characterCount(trimmed) > MAX_CONTENT_LENGTH ? null : trimmed;
};
