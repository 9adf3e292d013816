import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../src/adapters/http/openapi/openapi-document.js';
import { httpRouters } from '../../../src/adapters/http/routes/http-routers.js';
import type { UseCases } from '../../../src/application/use-cases.js';
import { createAjv, createResponseValidator } from './openapi-response-validator.js';

type Operation = {
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: object }>;
  requestBody?: { content?: Record<string, { schema?: object }> };
  security?: unknown[];
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const documented = (): Set<string> => {
  const found = new Set<string>();
  for (const [path, item] of Object.entries(openApiDocument.paths)) {
    for (const method of Object.keys(item)) found.add(`${method.toUpperCase()} ${path}`);
  }
  return found;
};

const routed = (): Set<string> => {
  const routers = httpRouters({} as UseCases, {
    health: [],
    metrics: { contentType: 'text/plain', render: async () => '' },
    isShuttingDown: () => false,
    isLive: () => true,
    readinessTimeoutMs: 1000,
    openApiDocument,
    asyncApiDocument: {},
  });
  const found = new Set<string>();
  for (const layer of routers.flatMap((r) => r.stack)) {
    if (typeof layer.path !== 'string') throw new Error(`regexp route ${String(layer.path)} cannot be documented`);
    const path = layer.path.replace(/:(\w+)/g, '{$1}');
    // HEAD comes with every GET; it is not an operation of its own.
    for (const method of layer.methods.filter((m) => m !== 'HEAD')) found.add(`${method} ${path}`);
  }
  return found;
};

const operations = (): Array<[string, string, Operation]> =>
  Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => [path, method, op as Operation] as [string, string, Operation]),
  );

describe('OpenAPI document', () => {
  it('documents every route the routers serve, and nothing they do not', () => {
    const routes = routed();
    expect(routes.size).toBeGreaterThan(20);
    expect(
      [...routes].filter((r) => !documented().has(r)),
      'routes missing from the spec',
    ).toEqual([]);
    expect(
      [...documented()].filter((r) => !routes.has(r)),
      'spec operations without a route',
    ).toEqual([]);
  });

  it('is an OpenAPI 3.0 document whose operations all state responses', () => {
    expect(openApiDocument.openapi).toMatch(/^3\.0\.\d$/);
    expect(openApiDocument.info.title).toBeTruthy();
    for (const [path, method, op] of operations()) {
      expect(METHODS, `${method} ${path}`).toContain(method);
      expect(Object.keys(op.responses ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        expect(status, `${method} ${path}`).toMatch(/^[1-5]\d\d$/);
        expect(response, `${method} ${path} ${status}`).toHaveProperty('description');
      }
    }
  });

  it('declares every path parameter of every template, and only those', () => {
    for (const [path, method, op] of operations()) {
      const inTemplate = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort(), `${method} ${path}`).toEqual(inTemplate.sort());
      expect(declared.every((p) => p.required === true)).toBe(true);
    }
  });

  it('has schemas ajv compiles in strict mode, with every $ref resolving', () => {
    const ajv = createAjv(openApiDocument);
    for (const name of Object.keys(openApiDocument.components.schemas)) {
      expect(ajv.getSchema(`openapi-components#/$defs/${name}`), name).toBeTypeOf('function');
    }
    const validator = createResponseValidator(openApiDocument);
    for (const [path, method, op] of operations()) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (!response.content?.['application/json']?.schema) continue;
        expect(() => validator.validate(method, path, Number(status), {}), `${method} ${path} ${status}`).not.toThrow();
      }
    }
  });

  it('puts every protected route behind bearer auth and says it can answer 401', () => {
    const publicOps = new Set(['POST /api/auth/register', 'POST /api/auth/login', 'POST /api/auth/refresh']);
    for (const [path, method, op] of operations()) {
      if (!path.startsWith('/api/') || publicOps.has(`${method.toUpperCase()} ${path}`)) continue;
      expect(op.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
      expect(op.responses, `${method} ${path}`).toHaveProperty('401');
    }
    expect(openApiDocument.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('describes every /api route with the rate-limit, outage and internal-error envelopes', () => {
    for (const [path, method, op] of operations()) {
      if (!path.startsWith('/api/')) continue;
      for (const status of ['429', '500', '503']) expect(op.responses, `${method} ${path}`).toHaveProperty(status);
      if (method !== 'get') {
        for (const status of ['400', '413', '415']) expect(op.responses, `${method} ${path}`).toHaveProperty(status);
      }
    }
  });

  it('accepts real response shapes and catches drift (unknown or missing fields)', () => {
    const validator = createResponseValidator(openApiDocument);
    const user = {
      id: '665f1c2ab9d3e4f5a6b7c8d9',
      username: 'ada',
      email: 'ada@example.com',
      isOnline: false,
      lastSeen: null,
      createdAt: '2026-01-02T03:04:05.678Z',
    };
    const session = {
      user,
      accessToken: 'a.b.c',
      accessTokenExpiresAt: '2026-01-02T03:19:05.678Z',
      refreshToken: 'r',
      refreshTokenExpiresAt: '2026-02-01T03:04:05.678Z',
    };
    expect(validator.validate('post', '/api/auth/register', 201, { success: true, data: session })).toBeNull();
    expect(
      validator.validate('post', '/api/auth/register', 201, {
        success: true,
        data: { ...session, user: { ...user, passwordHash: 'x' } },
      }),
    ).not.toBeNull();
    const publicUser = { id: user.id, username: user.username, isOnline: true, lastSeen: user.createdAt };
    expect(
      validator.validate('get', '/api/user/list', 200, {
        success: true,
        data: {
          users: [publicUser],
          pagination: { page: 1, limit: 10, total: 1, totalPages: 1, hasNext: false },
        },
      }),
    ).toBeNull();
    expect(
      validator.validate('get', '/api/user/list', 200, {
        success: true,
        data: { users: [{ ...publicUser, email: 'leak@example.com' }], pagination: {} },
      }),
    ).not.toBeNull();
    expect(
      validator.validate('post', '/api/auth/login', 401, {
        success: false,
        message: 'Invalid email or password',
        code: 'UNAUTHORIZED',
      }),
    ).toBeNull();
    expect(
      validator.validate('post', '/api/auth/login', 401, { success: false, message: 'x', code: 'NOPE' }),
    ).not.toBeNull();
    expect(() => validator.validate('get', '/api/auth/login', 200, {})).toThrow(/no JSON response documented/);
  });
});
