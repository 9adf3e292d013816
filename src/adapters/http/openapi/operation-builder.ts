import { ref, type Schema } from './schema-builders.js';

export type Method = 'get' | 'post' | 'put' | 'delete';

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required?: boolean;
  readonly description?: string;
  readonly schema: Schema;
}

export interface OperationSpec {
  /** Stable camelCase name; generated clients name their functions after it. */
  readonly operationId: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  /** Needs `Authorization: Bearer <accessToken>`. */
  readonly auth?: boolean;
  readonly parameters?: readonly Parameter[];
  readonly body?: { readonly schema: Schema; readonly required: boolean; readonly example: unknown };
  /** Success statuses with the schema of `data`. */
  readonly success: Readonly<Record<number, { readonly description: string; readonly data: Schema }>>;
  /** Failures the use case itself can answer with; the edge's own are added from the method and route. */
  readonly failures?: readonly number[];
}

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Malformed JSON, a corrupt compressed body, or invalid input (VALIDATION_FAILED, with `errors`)',
  401: 'Missing, expired or invalid access token (UNAUTHORIZED)',
  403: 'Authenticated but not allowed (FORBIDDEN)',
  404: 'Not found, or not visible to the caller (NOT_FOUND)',
  409: 'In conflict with what is stored (CONFLICT): a username or e-mail taken, a message deleted',
  410: 'The cursor is older than the change feed keeps (CURSOR_EXPIRED): reload from the history, then sync from a fresh cursor',
  413: 'Body larger than the configured limit (PAYLOAD_TOO_LARGE)',
  415: 'Body is not JSON, or compressed other than gzip, deflate or br (UNSUPPORTED_MEDIA_TYPE)',
  429: 'Rate limit hit (RATE_LIMITED); `Retry-After` says when to try again',
  500: 'Unexpected failure (INTERNAL); `requestId` identifies it in the logs',
  503: 'A required backing service is down (SERVICE_UNAVAILABLE); nothing was applied',
};

const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } },
};

export const json = (schema: Schema): Schema => ({ content: { 'application/json': { schema } } });

export const successEnvelope = (data: Schema): Schema => ({
  type: 'object',
  additionalProperties: false,
  required: ['success', 'data'],
  properties: { success: { type: 'boolean', enum: [true] }, message: { type: 'string' }, data },
});

export const errorResponse = (status: number): Schema => ({
  description: ERROR_DESCRIPTIONS[status] ?? 'Error',
  ...(status === 429 ? { headers: retryAfter } : {}),
  ...json(ref('ErrorEnvelope')),
});

const BODY_METHODS: readonly Method[] = ['post', 'put', 'delete'];

/** One operation of the REST API (under /api, so rate limited), with every status it can answer. */
export const apiOperation = (method: Method, spec: OperationSpec): Schema => {
  const failures = new Set<number>([
    ...(spec.failures ?? []),
    ...(spec.auth ? [401] : []),
    // Any body on these methods is parsed: it can be malformed, too big or not JSON.
    ...(BODY_METHODS.includes(method) ? [400, 413, 415] : []),
    429,
    500,
    503,
  ]);
  const responses: Record<string, Schema> = {};
  for (const [status, { description, data }] of Object.entries(spec.success)) {
    responses[status] = { description, ...json(successEnvelope(data)) };
  }
  for (const status of [...failures].sort((a, b) => a - b)) responses[String(status)] = errorResponse(status);
  const body = spec.body;
  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    security: spec.auth ? [{ bearerAuth: [] }] : [],
    ...(spec.parameters ? { parameters: spec.parameters } : {}),
    ...(body
      ? {
          requestBody: {
            required: body.required,
            content: { 'application/json': { schema: body.schema, example: body.example } },
          },
        }
      : {}),
    responses,
  };
};
