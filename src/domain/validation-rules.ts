import { MAX_CONTENT_LENGTH } from './message.js';

export const USERNAME_PATTERN = /^[A-Za-z0-9_]{3,30}$/;
export const PASSWORD_MIN_BYTES = 8;
/** bcrypt reads only the first 72 bytes: longer passwords are refused, not cut. */
export const PASSWORD_MAX_BYTES = 72;
export const EMAIL_MAX_LENGTH = 254;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const CLIENT_MESSAGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const passwordByteLength = (password: string): number => new TextEncoder().encode(password).length;

/** Trims message content; returns null when it is blank or too long. */
export const normaliseContent = (content: string): string | null => {
  const trimmed = content.trim();
  return trimmed.length === 0 || trimmed.length > MAX_CONTENT_LENGTH ? null : trimmed;
};
