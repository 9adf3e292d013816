/** A JSON Schema (OpenAPI 3.0 dialect) as a plain object. */
export type Schema = { readonly [keyword: string]: unknown };

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

export const string: Schema = { type: 'string' };
export const boolean: Schema = { type: 'boolean' };
export const integer = (minimum = 0): Schema => ({ type: 'integer', minimum });
export const dateTime: Schema = { type: 'string', format: 'date-time' };
export const idString: Schema = { type: 'string', pattern: '^[0-9a-f]{24}$' };
export const oneOf = (...values: string[]): Schema => ({ type: 'string', enum: values });
export const arrayOf = (items: Schema): Schema => ({ type: 'array', items });

/** OpenAPI 3.0 has no `type: null`: a nullable schema must state its own type (so no bare `$ref`). */
export const nullable = (schema: Schema): Schema => ({ ...schema, nullable: true });

/** A closed object: every property required unless listed as optional, nothing else allowed. */
export const object = (properties: Record<string, Schema>, optional: readonly string[] = []): Schema => {
  const required = Object.keys(properties).filter((key) => !optional.includes(key));
  // OpenAPI 3.0 forbids an empty `required` list.
  return { type: 'object', additionalProperties: false, ...(required.length > 0 ? { required } : {}), properties };
};

/** A change-feed cursor: `<conversationId>:<position>` entries, comma-separated (empty: from the start). */
export const syncCursor: Schema = {
  type: 'string',
  pattern: '^([0-9a-f]{24}:[1-9][0-9]{0,14}(,[0-9a-f]{24}:[1-9][0-9]{0,14})*)?$',
};
