import Router from '@koa/router';
import Koa from 'koa';
import { HttpMethodEnum, koaBody } from 'koa-body';
import type { UseCases } from '../../application/use-cases.js';
import { ERROR_CODES } from '../../domain/errors.js';
import type { HealthIndicator } from '../../ports/health-indicator.js';
import type { Logger } from '../../ports/logger.js';
import type { RateLimiterFactory } from '../../ports/rate-limiter.js';
import { apiRateLimit } from './api-rate-limit.js';
import { asyncApiDocument } from './asyncapi/asyncapi-document.js';
import type { RealtimeLimits } from './asyncapi/realtime-limits.js';
import { demoRoutes } from './demo-page.js';
import { sendFailure } from './envelope.js';
import { errorMiddleware } from './error-middleware.js';
import type { HttpState } from './http-state.js';
import { openApiDocument } from './openapi/openapi-document.js';
import { requestContext } from './request-context.js';
import { securityHeaders } from './security-headers.js';
import { JSON_TYPES, requireJsonBody } from './require-json-body.js';
import { httpRouters } from './routes/http-routers.js';

export interface HttpMetrics {
  readonly contentType: string;
  render(): Promise<string>;
  observeHttp(method: string, route: string, status: number, seconds: number): void;
}

export interface HttpAppOptions {
  corsOrigins: '*' | string[];
  /** Largest JSON body accepted; 413 PAYLOAD_TOO_LARGE above. */
  bodyLimitBytes: number;
  /** Koa's `app.proxy`: `ctx.ip` honours X-Forwarded-For only when set. */
  trustProxy: boolean;
  /** Requests per client IP under /api. */
  apiRateLimit: { points: number; durationSeconds: number };
  /** /health/ready answers 503 while true. */
  isShuttingDown: () => boolean;
  /** /health/live answers 503 while false (default: always live). */
  isLive?: () => boolean;
  /** How long /health/ready waits for one service (default 2000 ms). */
  readinessTimeoutMs?: number;
  /** When set, /metrics answers only `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
  /** The Socket.IO limits of this deployment, as the AsyncAPI document states them. */
  realtimeLimits: RealtimeLimits;
}

export interface HttpAppDeps {
  useCases: UseCases;
  logger: Logger;
  health: readonly HealthIndicator[];
  metrics: HttpMetrics;
  rateLimiters: RateLimiterFactory;
  options: HttpAppOptions;
}

/** The REST API, probes, metrics and docs as one Koa app (not listening: the caller mounts `callback()`). */
export function createHttpApp(deps: HttpAppDeps): Koa {
  const { useCases, logger, health, metrics, rateLimiters, options } = deps;
  const app = new Koa<HttpState>();
  app.proxy = options.trustProxy;
  // Everything is answered by errorMiddleware; only failures after the response started arrive here.
  app.on('error', (error: Error) => logger.error('http response failed', { error: error.message }));

  app.use(requestContext(logger, metrics));
  app.use(errorMiddleware(options.bodyLimitBytes));
  for (const middleware of securityHeaders(options.corsOrigins)) app.use(middleware);
  app.use(apiRateLimit(rateLimiters({ name: 'api', ...options.apiRateLimit })));
  app.use(requireJsonBody());
  app.use(
    koaBody({
      json: true,
      jsonLimit: options.bodyLimitBytes,
      jsonTypes: JSON_TYPES,
      jsonStrict: true,
      multipart: false,
      urlencoded: false,
      text: false,
      parsedMethods: [HttpMethodEnum.POST, HttpMethodEnum.PUT, HttpMethodEnum.PATCH, HttpMethodEnum.DELETE],
    }),
  );
  const routers = httpRouters(useCases, {
    health,
    metrics,
    isShuttingDown: options.isShuttingDown,
    isLive: options.isLive ?? (() => true),
    readinessTimeoutMs: options.readinessTimeoutMs ?? 2000,
    openApiDocument,
    asyncApiDocument: asyncApiDocument(options.realtimeLimits),
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
  });
  // One router holding every route: mounted one by one, each router would in turn match (and miss) most requests.
  const all = new Router<HttpState>();
  for (const router of routers) all.use(router.routes());
  // A page, not an API operation: kept out of httpRouters, whose every route the OpenAPI document must describe.
  all.use(demoRoutes().routes());
  app.use(all.routes());
  app.use((ctx) => {
    sendFailure(ctx, 404, { message: `No route for ${ctx.method} ${ctx.path}`, code: ERROR_CODES.NotFound });
  });
  return app;
}
