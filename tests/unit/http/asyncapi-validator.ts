import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { AsyncApiDocument } from '../../../src/adapters/http/asyncapi/asyncapi-document.js';

// ajv-formats is CommonJS with a default export; under NodeNext its callable sits on `.default`.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const COMPONENTS_ID = 'asyncapi-components';

/** `#/components/schemas/X` points into the document; ajv sees the component schemas as definitions of one schema. */
const retarget = <T>(schema: T): T =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${COMPONENTS_ID}#/definitions/`)) as T;

interface Components {
  readonly schemas: Record<string, object>;
  readonly messages: Record<string, { payload: object; examples?: Array<{ payload: unknown }> }>;
}

export const componentsOf = (document: AsyncApiDocument): Components => document.components as Components;

/** Checks payloads against the messages of an AsyncAPI document (JSON Schema draft 07, as AsyncAPI schemas are). */
export const createMessageValidator = (document: AsyncApiDocument) => {
  const ajv = new Ajv({ strict: true, strictRequired: false, strictTypes: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: COMPONENTS_ID, definitions: retarget(componentsOf(document).schemas) });
  const compiled = new Map<string, ValidateFunction>();
  return {
    /** Ajv's complaint about `payload` as the message `key` (e.g. `client.send_message`), or null when it conforms. */
    problems(key: string, payload: unknown): string | null {
      let validate = compiled.get(key);
      if (!validate) {
        const message = componentsOf(document).messages[key];
        if (!message) throw new Error(`no message ${key} in the document`);
        validate = ajv.compile(retarget(message.payload));
        compiled.set(key, validate);
      }
      return validate(payload) ? null : ajv.errorsText(validate.errors);
    },
  };
};
