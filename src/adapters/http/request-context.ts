import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../../ports/logger.js';
import type { HttpState } from './http-state.js';
import { RequestLogger } from './request-logger.js';

export interface HttpObserver {
  observeHttp(method: string, route: string, status: number, seconds: number): void;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Probes and scrapes arrive every few seconds; their lines would drown the rest. */
const isQuiet = (path: string): boolean => path.startsWith('/health/') || path === '/metrics';

/** The route template the router matched (bounded label values), never the raw path. */
const routeOf = (ctx: { _matchedRoute?: unknown }): string =>
  typeof ctx._matchedRoute === 'string' ? ctx._matchedRoute : 'unmatched';

/**
 * Outermost middleware: gives the request an id (the caller's, when it sends a
 * sane one), a logger carrying it, one log line and one metrics observation.
 */
export const requestContext =
  (logger: Logger, metrics: HttpObserver): Middleware<HttpState> =>
  async (ctx, next) => {
    const started = process.hrtime.bigint();
    const incoming = ctx.get('X-Request-Id');
    const requestId = incoming !== '' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const requestLogger = new RequestLogger(logger, requestId);
    ctx.state.requestId = requestId;
    ctx.state.logger = requestLogger;
    ctx.set('X-Request-Id', requestId);
    try {
      await next();
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeHttp(ctx.method, routeOf(ctx as { _matchedRoute?: unknown }), ctx.status, seconds);
      const line = {
        method: ctx.method,
        path: ctx.path,
        status: ctx.status,
        durationMs: Math.round(seconds * 1e4) / 10,
        ...(ctx.state.caller ? { userId: ctx.state.caller.userId } : {}),
      };
      if (isQuiet(line.path)) requestLogger.debug('http request', line);
      else requestLogger.info('http request', line);
    }
  };
