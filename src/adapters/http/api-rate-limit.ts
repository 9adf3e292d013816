import type { Middleware } from 'koa';
import { ERROR_CODES } from '../../domain/errors.js';
import type { RateLimiter } from '../../ports/rate-limiter.js';
import { sendFailure } from './envelope.js';
import type { HttpState } from './http-state.js';

/** A request budget per client IP for everything under /api. */
export const apiRateLimit =
  (limiter: RateLimiter): Middleware<HttpState> =>
  async (ctx, next) => {
    if (!ctx.path.startsWith('/api/')) return next();
    const decision = await limiter.consume(ctx.ip);
    if (!decision.allowed) {
      sendFailure(
        ctx,
        429,
        { message: 'Too many requests, slow down', code: ERROR_CODES.RateLimited },
        decision.retryAfterSeconds,
      );
      return;
    }
    await next();
  };
