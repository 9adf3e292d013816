import type { Middleware } from 'koa';
import { EDGE_ERROR_CODES } from '../../domain/errors.js';
import { sendFailure } from './envelope.js';
import type { HttpState } from './http-state.js';

export const JSON_TYPES = ['application/json', 'application/*+json'];

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the body parser can decode: one encoding, no chains. */
const SUPPORTED_ENCODINGS = new Set(['', 'identity', 'gzip', 'x-gzip', 'deflate', 'br']);

/**
 * 415 for a body that is not JSON, or in an encoding the parser cannot
 * decode. A request without a body passes (PUT mark-read needs none), so
 * does one with `Content-Length: 0`.
 */
export const requireJsonBody = (): Middleware<HttpState> => async (ctx, next) => {
  if (BODY_METHODS.has(ctx.method)) {
    const chunked = ctx.get('Transfer-Encoding') !== '';
    const length = Number(ctx.get('Content-Length') || '0');
    if ((chunked || length > 0) && !ctx.is(JSON_TYPES)) {
      sendFailure(ctx, 415, {
        message: 'Request body must be JSON (Content-Type: application/json)',
        code: EDGE_ERROR_CODES.unsupportedMediaType,
      });
      return;
    }
    if (!SUPPORTED_ENCODINGS.has(ctx.get('Content-Encoding').trim().toLowerCase())) {
      sendFailure(ctx, 415, {
        message: 'Unsupported Content-Encoding: use gzip, deflate, br or none',
        code: EDGE_ERROR_CODES.unsupportedMediaType,
      });
      return;
    }
  }
  await next();
};
