import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../src/adapters/http/openapi/openapi-document.js';
import { createAjv } from './openapi-response-validator.js';

interface Operation {
  readonly operationId?: string;
  readonly security?: unknown[];
  readonly requestBody?: { content: Record<string, { schema: { $ref?: string }; example?: unknown }> };
  readonly responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

const operations = (): Array<[string, Operation]> =>
  Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]): [string, Operation] => [
      `${method.toUpperCase()} ${path}`,
      op as unknown as Operation,
    ]),
  );

const componentOf = (ref: string | undefined): string => {
  if (!ref?.startsWith('#/components/schemas/')) throw new Error(`not a component reference: ${ref}`);
  return ref.slice('#/components/schemas/'.length);
};

describe('every OpenAPI operation', () => {
  it('has a unique camelCase operationId', () => {
    const ids = operations().map(([label, op]) => {
      expect(op.operationId, label).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      return op.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('states its security: bearer auth, or none (`security: []`) for the public ones', () => {
    const publicOperations = operations()
      .filter(([, op]) => Array.isArray(op.security) && op.security.length === 0)
      .map(([label]) => label);
    expect(publicOperations).toEqual(
      expect.arrayContaining(['POST /api/auth/register', 'POST /api/auth/login', 'POST /api/auth/refresh']),
    );
    for (const [label, op] of operations()) expect(op.security, label).toBeInstanceOf(Array);
    expect(openApiDocument.servers.length).toBeGreaterThan(0);
  });

  it('shows an example of its request body that its schema accepts', () => {
    const ajv = createAjv(openApiDocument);
    const withBodies = operations().filter(([, op]) => op.requestBody);
    expect(withBodies.length).toBeGreaterThan(5);
    for (const [label, op] of withBodies) {
      const media = op.requestBody!.content['application/json'];
      expect(media?.example, label).toBeDefined();
      const validate = ajv.compile({ $ref: `openapi-components#/$defs/${componentOf(media!.schema.$ref)}` });
      expect(validate(media!.example) ? null : validate.errors, label).toBeNull();
    }
  });

  it('names the `data` of each JSON success as a component, so generated clients get a type by name', () => {
    for (const [label, op] of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        const envelope = response.content?.['application/json']?.schema?.properties as
          Record<string, { $ref?: string }> | undefined;
        // Only envelopes: the OpenAPI document itself is JSON too.
        if (!status.startsWith('2') || !envelope?.success) continue;
        expect(() => componentOf(envelope.data?.$ref), `${label} ${status}`).not.toThrow();
      }
    }
  });
});
