import { createHash, timingSafeEqual } from 'node:crypto';
import Router from '@koa/router';
import { ERROR_CODES } from '../../../domain/errors.js';
import { sendFailure } from '../envelope.js';
import type { HttpState } from '../http-state.js';

export interface MetricsRouteDeps {
  readonly metrics: { readonly contentType: string; render(): Promise<string> };
  /** When set, /metrics requires it as a bearer token. */
  readonly metricsToken?: string;
}

/** Compares in constant time, so the token cannot be guessed byte by byte from response times. */
const isBearer = (header: string, token: string): boolean => {
  const expected = createHash('sha256').update(`Bearer ${token}`).digest();
  return timingSafeEqual(createHash('sha256').update(header).digest(), expected);
};

/** Prometheus text, on the API port and on the health port of a process without one. */
export const metricsRoutes = (deps: MetricsRouteDeps): Router<HttpState> =>
  new Router<HttpState>().get('/metrics', async (ctx) => {
    if (deps.metricsToken !== undefined && !isBearer(ctx.get('Authorization'), deps.metricsToken)) {
      ctx.set('WWW-Authenticate', 'Bearer');
      sendFailure(ctx, 401, { message: 'Metrics need the metrics bearer token', code: ERROR_CODES.Unauthorized });
      return;
    }
    ctx.body = await deps.metrics.render();
    ctx.set('Content-Type', deps.metrics.contentType);
  });
