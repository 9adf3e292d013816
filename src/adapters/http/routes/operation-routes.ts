import { createHash, timingSafeEqual } from 'node:crypto';
import Router from '@koa/router';
import { ERROR_CODES } from '../../../domain/errors.js';
import type { HealthIndicator } from '../../../ports/health-indicator.js';
import { sendFailure, sendSuccess } from '../envelope.js';
import type { HttpState } from '../http-state.js';
import { checkServices } from '../readiness.js';
import { ASYNCAPI_PATH } from '../asyncapi/asyncapi-document.js';
import { DOCS_PATH, SPEC_PATH, SWAGGER_UI_HTML, swaggerUiAsset } from '../swagger-ui.js';

export interface OperationDeps {
  readonly health: readonly HealthIndicator[];
  readonly metrics: { readonly contentType: string; render(): Promise<string> };
  readonly isShuttingDown: () => boolean;
  /** False when the process cannot recover by itself and should be restarted. */
  readonly isLive: () => boolean;
  readonly readinessTimeoutMs: number;
  readonly openApiDocument: object;
  /** The AsyncAPI document of the Socket.IO events. */
  readonly asyncApiDocument: object;
  /** When set, /metrics requires it as a bearer token. */
  readonly metricsToken?: string;
}

/** Compares in constant time, so the token cannot be guessed byte by byte from response times. */
const isBearer = (header: string, token: string): boolean => {
  const expected = createHash('sha256').update(`Bearer ${token}`).digest();
  return timingSafeEqual(createHash('sha256').update(header).digest(), expected);
};

/** Probes, metrics and the API documentation. */
export const operationRoutes = (deps: OperationDeps): Router<HttpState> =>
  new Router<HttpState>()
    .get('/health/live', (ctx) => {
      if (!deps.isLive()) {
        sendFailure(ctx, 503, {
          message: 'Not live: a backing service has answered nothing for too long',
          code: ERROR_CODES.Unavailable,
        });
        return;
      }
      sendSuccess(ctx, { status: 'alive' });
    })
    .get('/health/ready', async (ctx) => {
      if (deps.isShuttingDown()) {
        sendFailure(ctx, 503, { message: 'Shutting down', code: ERROR_CODES.Unavailable });
        return;
      }
      const checks = await checkServices(deps.health, deps.readinessTimeoutMs);
      const down = checks.filter((c) => !c.up);
      if (down.length === 0) {
        sendSuccess(ctx, { status: 'ready', services: Object.fromEntries(checks.map((c) => [c.name, 'up'])) });
        return;
      }
      ctx.state.logger.warn('not ready', { down: down.map(({ name, reason }) => ({ name, reason })) });
      sendFailure(ctx, 503, {
        message: `Not ready: ${down.map((c) => c.name).join(', ')} unavailable`,
        code: ERROR_CODES.Unavailable,
        errors: down.map((c) => ({ field: c.name, message: 'unavailable' })),
      });
    })
    .get('/metrics', async (ctx) => {
      if (deps.metricsToken !== undefined && !isBearer(ctx.get('Authorization'), deps.metricsToken)) {
        ctx.set('WWW-Authenticate', 'Bearer');
        sendFailure(ctx, 401, { message: 'Metrics need the metrics bearer token', code: ERROR_CODES.Unauthorized });
        return;
      }
      ctx.body = await deps.metrics.render();
      ctx.set('Content-Type', deps.metrics.contentType);
    })
    .get(DOCS_PATH, (ctx) => {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = SWAGGER_UI_HTML;
    })
    .get(SPEC_PATH, (ctx) => {
      ctx.body = deps.openApiDocument;
    })
    .get(ASYNCAPI_PATH, (ctx) => {
      ctx.body = deps.asyncApiDocument;
    })
    .get(`${DOCS_PATH}/assets/:asset`, async (ctx, next) => {
      const asset = await swaggerUiAsset(ctx.params.asset ?? '');
      if (!asset) return next();
      ctx.set('Cache-Control', 'public, max-age=3600');
      ctx.type = asset.type;
      ctx.body = asset.body;
    });
