import Koa from 'koa';
import { ERROR_CODES } from '../../domain/errors.js';
import type { Logger } from '../../ports/logger.js';
import { sendFailure } from './envelope.js';
import { errorMiddleware } from './error-middleware.js';
import type { HttpState } from './http-state.js';
import { requestContext, type HttpObserver } from './request-context.js';
import { metricsRoutes, type MetricsRouteDeps } from './routes/metrics-routes.js';
import { probeRoutes, type ProbeDeps } from './routes/probe-routes.js';

/** Bodies are never read here; the error middleware only needs a bound for its 413 message. */
const NO_BODY_LIMIT_BYTES = 1024;

export interface HealthAppDeps {
  readonly logger: Logger;
  readonly metrics: HttpObserver & MetricsRouteDeps['metrics'];
  readonly probes: ProbeDeps;
  /** When set, /metrics requires it as a bearer token, as on the API port. */
  readonly metricsToken?: string;
}

/**
 * `/health/live`, `/health/ready` and `/metrics` alone, for a process
 * without the api role (worker, scheduler), served on a port of its own (not
 * listening: the caller mounts `callback()`).
 */
export function createHealthApp(deps: HealthAppDeps): Koa<HttpState> {
  const app = new Koa<HttpState>();
  app.on('error', (error: Error) => deps.logger.error('health response failed', { error: error.message }));
  app.use(requestContext(deps.logger, deps.metrics));
  app.use(errorMiddleware(NO_BODY_LIMIT_BYTES));
  app.use(probeRoutes(deps.probes).routes());
  app.use(metricsRoutes(deps).routes());
  app.use((ctx) => {
    sendFailure(ctx, 404, { message: `No route for ${ctx.method} ${ctx.path}`, code: ERROR_CODES.NotFound });
  });
  return app;
}
