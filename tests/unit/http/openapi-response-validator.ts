import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '../../../src/adapters/http/openapi/openapi-document.js';

// ajv-formats is CommonJS with a default export; under NodeNext its callable sits on `.default`.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const COMPONENTS_ID = 'openapi-components';

/** `#/components/schemas/X` points into the document; ajv sees the component schemas as `$defs` of one schema. */
const retarget = <T>(schema: T): T =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${COMPONENTS_ID}#/$defs/`)) as T;

export const createAjv = (document: OpenApiDocument): Ajv => {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: retarget(document.components.schemas) });
  return ajv;
};

export interface ResponseValidator {
  /** Ajv errors of `body` against the documented response (null when it conforms); throws when undocumented. */
  validate(method: string, pathTemplate: string, status: number, body: unknown): ErrorObject[] | null;
}

/**
 * Checks real responses against the OpenAPI document, e.g. in end-to-end
 * tests: `validate('post', '/api/messages/send', res.status, await res.json())`.
 */
export const createResponseValidator = (document: OpenApiDocument): ResponseValidator => {
  const ajv = createAjv(document);
  const compiled = new Map<string, ValidateFunction>();
  return {
    validate(method, pathTemplate, status, body) {
      const key = `${method.toLowerCase()} ${pathTemplate} ${status}`;
      let validateFn = compiled.get(key);
      if (!validateFn) {
        const operation = document.paths[pathTemplate]?.[method.toLowerCase()] as
          { responses?: Record<string, { content?: Record<string, { schema?: object }> }> } | undefined;
        const schema = operation?.responses?.[String(status)]?.content?.['application/json']?.schema;
        if (!schema) throw new Error(`no JSON response documented for ${key}`);
        validateFn = ajv.compile(retarget(schema));
        compiled.set(key, validateFn);
      }
      return validateFn(body) ? null : (validateFn.errors ?? []);
    },
  };
};
