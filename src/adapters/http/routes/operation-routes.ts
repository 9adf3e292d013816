import { createHash, timingSafeEqual } from 'node:crypto';
import Router from '@koa/router';
import { ERROR_CODES } from '../../../domain/errors.js';
import { sendFailure, sendSuccess } from '../envelope.js';
import type { HttpState } from '../http-state.js';
import type { ProbeDeps } from './probe-routes.js';
import { ASYNCAPI_PATH } from '../asyncapi/asyncapi-document.js';
import { DOCS_PATH, SPEC_PATH, SWAGGER_UI_HTML, swaggerUiAsset } from '../swagger-ui.js';

export interface OperationDeps extends ProbeDeps {
  readonly metrics: { readonly contentType: string; render(): Promise<string> };
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

/** Metrics and the API documentation (the probes are in probe-routes.ts). */
export const operationRoutes = (deps: OperationDeps): Router<HttpState> =>
  new Router<HttpState>()
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
