export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type AppError =
  | { readonly _tag: 'Validation'; readonly message: string; readonly errors: readonly FieldError[] }
  | { readonly _tag: 'Unauthorized'; readonly message: string }
  | { readonly _tag: 'Forbidden'; readonly message: string }
  | { readonly _tag: 'NotFound'; readonly message: string }
  | { readonly _tag: 'Conflict'; readonly message: string; readonly errors: readonly FieldError[] }
  | { readonly _tag: 'RateLimited'; readonly message: string; readonly retryAfterSeconds: number }
  | { readonly _tag: 'Unavailable'; readonly message: string }
  | { readonly _tag: 'CursorExpired'; readonly message: string };

export type AppErrorTag = AppError['_tag'];

export const validation = (message: string, errors: readonly FieldError[] = []): AppError => ({
  _tag: 'Validation',
  message,
  errors,
});
export const unauthorized = (message = 'Authentication required'): AppError => ({ _tag: 'Unauthorized', message });
export const forbidden = (message: string): AppError => ({ _tag: 'Forbidden', message });
export const notFound = (message: string): AppError => ({ _tag: 'NotFound', message });
export const conflict = (message: string, errors: readonly FieldError[] = []): AppError => ({
  _tag: 'Conflict',
  message,
  errors,
});
export const rateLimited = (retryAfterSeconds: number, message = 'Too many requests'): AppError => ({
  _tag: 'RateLimited',
  message,
  retryAfterSeconds,
});
export const unavailable = (message: string): AppError => ({ _tag: 'Unavailable', message });
export const cursorExpired = (message: string): AppError => ({ _tag: 'CursorExpired', message });

/** The stable, machine-readable code clients see for each kind of failure (HTTP and socket alike). */
export const ERROR_CODES = {
  Validation: 'VALIDATION_FAILED',
  Unauthorized: 'UNAUTHORIZED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  Unavailable: 'SERVICE_UNAVAILABLE',
  CursorExpired: 'CURSOR_EXPIRED',
} as const satisfies Record<AppErrorTag, string>;

/** Codes produced at the edge, outside the use cases. */
export const EDGE_ERROR_CODES = {
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  unsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  internal: 'INTERNAL',
} as const;
