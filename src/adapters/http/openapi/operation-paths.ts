import { errorResponse, json, successEnvelope } from './operation-builder.js';
import { oneOf, ref, type Schema } from './schema-builders.js';

const text = (type: string, description: string): Schema => ({
  description,
  content: { [type]: { schema: { type: 'string' } } },
});

const SWAGGER_ASSETS = [
  'swagger-ui.css',
  'index.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'swagger-initializer.js',
  'favicon-16x16.png',
  'favicon-32x32.png',
];

/** Public unless `security` says otherwise. */
const operation = (operationId: string, summary: string, responses: Record<string, Schema>): Schema => ({
  operationId,
  tags: ['operations'],
  summary,
  security: [],
  responses,
});

/** Probes, metrics and these docs: not under /api, so not rate limited. */
export const operationPaths: Record<string, Record<string, Schema>> = {
  '/health/live': {
    get: operation('getLiveness', 'Liveness: answers while the process runs and can recover by itself', {
      200: { description: 'Alive', ...json(successEnvelope(ref('Liveness'))) },
      503: {
        description:
          'Not live: a backing service has answered nothing for too long, even on a rebuilt client; restart the process',
        ...json(ref('ErrorEnvelope')),
      },
      500: errorResponse(500),
    }),
  },
  '/health/ready': {
    get: operation('getReadiness', 'Readiness: every configured backing service answers', {
      200: { description: 'Ready; the status of each service', ...json(successEnvelope(ref('Readiness'))) },
      503: {
        description: 'Shutting down, or the services named in `message` and `errors[].field` are unavailable',
        ...json(ref('ErrorEnvelope')),
      },
      500: errorResponse(500),
    }),
  },
  '/metrics': {
    get: {
      ...operation('getMetrics', 'Prometheus metrics (with `Authorization: Bearer $METRICS_TOKEN` when that is set)', {
        200: text('text/plain', 'Prometheus text exposition format'),
        401: { ...errorResponse(401), description: 'METRICS_TOKEN is set and the request does not carry it' },
        500: errorResponse(500),
      }),
      security: [{}, { metricsToken: [] }],
    },
  },
  '/api-docs': {
    get: operation('getApiDocs', 'This documentation (Swagger UI)', {
      200: text('text/html', 'The Swagger UI page'),
    }),
  },
  '/api-docs/openapi.json': {
    get: operation('getOpenApiDocument', 'This OpenAPI document', {
      200: { description: 'OpenAPI 3.0 document', ...json({ type: 'object' }) },
    }),
  },
  '/api-docs/assets/{asset}': {
    get: {
      ...operation('getApiDocsAsset', 'Files of the Swagger UI page', {
        200: {
          description: 'The file',
          content: {
            'text/css': { schema: { type: 'string' } },
            'text/javascript': { schema: { type: 'string' } },
            'image/png': { schema: { type: 'string', format: 'binary' } },
          },
        },
        404: errorResponse(404),
      }),
      parameters: [{ name: 'asset', in: 'path', required: true, schema: oneOf(...SWAGGER_ASSETS) }],
    },
  },
  '/api-docs/asyncapi.json': {
    get: operation('getAsyncApiDocument', 'The AsyncAPI 3.0 document of the Socket.IO events', {
      200: { description: 'AsyncAPI 3.0 document', ...json({ type: 'object' }) },
    }),
  },
};
