import type { Schema } from '../openapi/schema-builders.js';

const COMPONENT_REF = '#/components/schemas/';

const SUBSCHEMA_LISTS = ['allOf', 'oneOf', 'anyOf'] as const;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An OpenAPI 3.0 schema as the JSON Schema (draft 07) that AsyncAPI schemas
 * extend: `nullable` becomes a `null` type (and a `null` enum value), a single
 * `example` becomes `examples`. `$ref`s to `#/components/schemas/` keep their
 * meaning, since both documents keep their schemas there.
 */
export const toJsonSchema = (schema: Schema): Schema => {
  const { nullable, example, ...rest } = schema;
  const out: Record<string, unknown> = { ...rest };
  if (example !== undefined) out.examples = [example];
  if (nullable === true) {
    // Without a type of its own (e.g. `allOf: [$ref]`), null is one more alternative.
    if (typeof rest.type !== 'string') {
      return {
        anyOf: [toJsonSchema(rest), { type: 'null' }],
        ...(example !== undefined ? { examples: [example] } : {}),
      };
    }
    out.type = [rest.type, 'null'];
    if (Array.isArray(rest.enum)) out.enum = [...(rest.enum as unknown[]), null];
  }
  if (isSchema(rest.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(rest.properties).map(([name, property]) => [name, toJsonSchema(property as Schema)]),
    );
  }
  if (isSchema(rest.items)) out.items = toJsonSchema(rest.items);
  if (isSchema(rest.additionalProperties)) out.additionalProperties = toJsonSchema(rest.additionalProperties);
  if (isSchema(rest.not)) out.not = toJsonSchema(rest.not);
  for (const list of SUBSCHEMA_LISTS) {
    const value = rest[list];
    if (Array.isArray(value)) out[list] = value.map((item: Schema) => toJsonSchema(item));
  }
  return out;
};

/** The names of the component schemas a schema points at, directly or through other components. */
export const referencedComponents = (
  roots: readonly unknown[],
  components: Readonly<Record<string, Schema>>,
): string[] => {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isSchema(value)) return;
    const ref = value.$ref;
    if (typeof ref === 'string' && ref.startsWith(COMPONENT_REF)) {
      const name = ref.slice(COMPONENT_REF.length);
      const component = components[name];
      if (component === undefined) throw new Error(`schema ${ref} is not a component`);
      if (!found.has(name)) {
        found.add(name);
        visit(component);
      }
    }
    Object.values(value).forEach(visit);
  };
  roots.forEach(visit);
  return [...found].sort();
};
