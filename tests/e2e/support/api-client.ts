import { openApiDocument } from '../../../src/adapters/http/openapi/openapi-document.js';
import { createAjv, createResponseValidator } from '../../unit/http/openapi-response-validator.js';

export interface Envelope<D> {
  readonly success: boolean;
  readonly message?: string;
  /** Present on success; typed loosely so tests can read what they asserted on. */
  readonly data: D;
  readonly code?: string;
  readonly errors?: ReadonlyArray<{ field: string; message: string }>;
  readonly requestId?: string;
}

export interface ApiResponse<D> {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body (undefined when the response is not JSON). */
  readonly body: Envelope<D>;
  readonly text: string;
}

export interface ApiOptions {
  readonly token?: string;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as is (Content-Type application/json unless `headers` say otherwise). */
  readonly rawBody?: string | Uint8Array;
  readonly headers?: Record<string, string>;
}

// Response data is checked against the schema; tests read it loosely.
export type ApiClient = <D = any>(method: string, path: string, options?: ApiOptions) => Promise<ApiResponse<D>>;

/** Secrets that must never appear in any response. */
const FORBIDDEN_IN_RESPONSES = /passwordHash|tokenHash|refreshTokenHash|"stack"/i;

const templates = Object.keys(openApiDocument.paths)
  .map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    params: (template.match(/\{/g) ?? []).length,
  }))
  .sort((a, b) => a.params - b.params);

/** The documented path template a concrete path answers to (literal segments win over parameters). */
const templateOf = (method: string, pathname: string): string | undefined =>
  templates.find((t) => t.pattern.test(pathname) && openApiDocument.paths[t.template]?.[method.toLowerCase()])
    ?.template;

const validator = createResponseValidator(openApiDocument);
const validateErrorEnvelope = createAjv(openApiDocument).compile({ $ref: 'openapi-components#/$defs/ErrorEnvelope' });

const conformanceProblems = (method: string, pathname: string, status: number, body: unknown): string | null => {
  const template = templateOf(method, pathname);
  if (!template) {
    // An undocumented route can only answer with the error envelope (404 from the fallback).
    return validateErrorEnvelope(body) ? null : JSON.stringify(validateErrorEnvelope.errors);
  }
  try {
    const errors = validator.validate(method, template, status, body);
    return errors ? JSON.stringify(errors) : null;
  } catch (error) {
    return (error as Error).message;
  }
};

/** `fetch` against the app; fails the test on any response the OpenAPI document does not describe. */
export const createApiClient =
  (baseUrl: string): ApiClient =>
  async (method, path, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined;
    if (options.body !== undefined || options.rawBody !== undefined) {
      headers['content-type'] = 'application/json';
      body = options.rawBody ?? JSON.stringify(options.body);
    }
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...options.headers },
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    const label = `${method} ${path} → ${response.status}`;
    if (FORBIDDEN_IN_RESPONSES.test(text)) throw new Error(`${label} leaks a secret field: ${text.slice(0, 500)}`);
    let parsed: unknown;
    if (response.headers.get('content-type')?.includes('application/json')) {
      parsed = JSON.parse(text);
      const pathname = new URL(path, baseUrl).pathname;
      const problems = conformanceProblems(method, pathname, response.status, parsed);
      if (problems) throw new Error(`${label} does not match the OpenAPI document: ${problems}\nbody: ${text}`);
    }
    return { status: response.status, headers: response.headers, body: parsed as Envelope<never>, text };
  };
