import type { Middleware } from 'koa';
import { EDGE_ERROR_CODES, ERROR_CODES } from '../../domain/errors.js';
import { sendFailure } from './envelope.js';
import type { HttpState } from './http-state.js';
import { isServiceOutage } from '../shared/is-service-outage.js';

interface HttpErrorLike {
  readonly status: number;
  readonly expose?: boolean;
}

/** Errors of the body parser (raw-body, co-body): they carry a 4xx status and are safe to describe. */
const asClientError = (error: unknown): HttpErrorLike | null => {
  if (typeof error !== 'object' || error === null) return null;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  // co-body marks a JSON syntax error with status 400 but leaves `expose` unset.
  return expose === true || error instanceof SyntaxError ? { status } : null;
};

/**
 * A compressed body that does not decompress: zlib and brotli errors carry a
 * numeric `errno` and a code (Z_DATA_ERROR, ERR__ERROR_FORMAT_PADDING_1, …).
 */
const isCorruptCompression = (error: unknown, contentEncoding: string): boolean =>
  !['', 'identity'].includes(contentEncoding.trim().toLowerCase()) &&
  error instanceof Error &&
  typeof (error as { errno?: unknown }).errno === 'number' &&
  typeof (error as { code?: unknown }).code === 'string';

/**
 * Turns whatever was thrown below into the error envelope. Expected failures
 * never get here (use cases return them); what arrives is a bad body, a
 * backing service that is down, or a bug.
 */
export const errorMiddleware =
  (bodyLimitBytes: number): Middleware<HttpState> =>
  async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const clientError = asClientError(error);
      if (clientError?.status === 413) {
        sendFailure(ctx, 413, {
          message: `Request body is larger than ${bodyLimitBytes} bytes`,
          code: EDGE_ERROR_CODES.payloadTooLarge,
        });
      } else if (clientError?.status === 415) {
        sendFailure(ctx, 415, {
          message: 'Unsupported body encoding or charset',
          code: EDGE_ERROR_CODES.unsupportedMediaType,
        });
      } else if (isCorruptCompression(error, ctx.get('Content-Encoding'))) {
        ctx.state.logger.warn('corrupt compressed request body', { error: describe(error) });
        sendFailure(ctx, 400, { message: 'Corrupt compressed request body', code: ERROR_CODES.Validation });
      } else if (clientError) {
        sendFailure(ctx, 400, {
          message: error instanceof SyntaxError ? 'Malformed JSON in request body' : 'Invalid request body',
          code: ERROR_CODES.Validation,
        });
      } else if (isServiceOutage(error)) {
        ctx.state.logger.warn('backing service unavailable', { error: describe(error) });
        sendFailure(ctx, 503, {
          message: 'A required service is unavailable, try again later',
          code: ERROR_CODES.Unavailable,
          requestId: ctx.state.requestId,
        });
      } else {
        ctx.state.logger.error('unexpected error', { error: describe(error, true) });
        sendFailure(ctx, 500, {
          message: 'Internal server error',
          code: EDGE_ERROR_CODES.internal,
          requestId: ctx.state.requestId,
        });
      }
    }
  };

/** Name, message, code (and stack): never the whole error, which may carry a request body. */
const describe = (error: unknown, withStack = false): Record<string, unknown> => {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code } = error as { code?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    ...(withStack ? { stack: error.stack } : {}),
  };
};
