import Router from '@koa/router';
import type { HttpState } from '../http-state.js';
import type { MetricsRouteDeps } from './metrics-routes.js';
import type { ProbeDeps } from './probe-routes.js';
import { ASYNCAPI_PATH } from '../asyncapi/asyncapi-document.js';
import { DOCS_PATH, SPEC_PATH, SWAGGER_UI_HTML, swaggerUiAsset } from '../swagger-ui.js';

export interface OperationDeps extends ProbeDeps, MetricsRouteDeps {
  readonly openApiDocument: object;
  /** The AsyncAPI document of the Socket.IO events. */
  readonly asyncApiDocument: object;
}

/** The API documentation (the probes are in probe-routes.ts, /metrics in metrics-routes.ts). */
export const operationRoutes = (deps: OperationDeps): Router<HttpState> =>
  new Router<HttpState>()
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
