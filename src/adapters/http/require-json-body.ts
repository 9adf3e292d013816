import type { Middleware } from 'koa';
import { EDGE_ERROR_CODES } from '../../domain/errors.js';
import { sendFailure } from './envelope.js';
import type { HttpContext, HttpState } from './http-state.js';

export const JSON_TYPES = ['application/json', 'application/*+json'];

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the body parser can decode: one encoding, no chains. */
const SUPPORTED_ENCODINGS = new Set(['', 'identity', 'gzip', 'x-gzip', 'deflate', 'br']);

/**
 * Whether a request that has a body declares JSON. Clients send a handful of
 * distinct Content-Type values, so the answer is kept per value (a bounded
 * number of them) instead of parsing the same media type on every request.
 */
const jsonByContentType = new Map<string, boolean>();
const REMEMBERED_CONTENT_TYPES = 64;
const declaresJson = (ctx: HttpContext): boolean => {
  const contentType = ctx.get('Content-Type');
  let json = jsonByContentType.get(contentType);
  if (json === undefined) {
    json = Boolean(ctx.is(JSON_TYPES));
    if (jsonByContentType.size < REMEMBERED_CONTENT_TYPES) jsonByContentType.set(contentType, json);
  }
  return json;
};

/**
 * 415 for a body that is not JSON, or in an encoding the parser cannot
 * decode. A request without a body passes (PUT mark-read needs none), so
 * does one with `Content-Length: 0`.
 */
export const requireJsonBody = (): Middleware<HttpState> => (ctx, next) => {
  if (BODY_METHODS.has(ctx.method)) {
    const chunked = ctx.get('Transfer-Encoding') !== '';
    const length = Number(ctx.get('Content-Length') || '0');
    if ((chunked || length > 0) && !declaresJson(ctx)) {
      sendFailure(ctx, 415, {
        message: 'Request body must be JSON (Content-Type: application/json)',
        code: EDGE_ERROR_CODES.unsupportedMediaType,
      });
      return Promise.resolve();
    }
    if (!SUPPORTED_ENCODINGS.has(ctx.get('Content-Encoding').trim().toLowerCase())) {
      sendFailure(ctx, 415, {
        message: 'Unsupported Content-Encoding: use gzip, deflate, br or none',
        code: EDGE_ERROR_CODES.unsupportedMediaType,
      });
      return Promise.resolve();
    }
  }
  return next();
};
