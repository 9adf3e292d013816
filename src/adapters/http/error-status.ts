import type { AppErrorTag } from '../../domain/errors.js';

/** The one place an application error becomes an HTTP status. */
export const HTTP_STATUS_OF_ERROR = {
  Validation: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  RateLimited: 429,
  Unavailable: 503,
  CursorExpired: 410,
} as const satisfies Record<AppErrorTag, number>;
