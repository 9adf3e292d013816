import type * as t from 'io-ts';
import { ClientMessageId, Content, IdString } from '../../../application/shared/codecs.js';
import { MAX_CONTENT_LENGTH } from '../../../domain/message.js';
import { CLIENT_MESSAGE_ID_PATTERN } from '../../../domain/validation-rules.js';
import { idString, object, type Schema } from '../openapi/schema-builders.js';

/**
 * The JSON Schema of each field codec a socket payload uses, from the same
 * domain rules the codec applies. A payload made of any other codec cannot be
 * documented until it is added here.
 */
const FIELD_SCHEMAS = new Map<t.Decoder<unknown, unknown>, Schema>([
  [IdString, idString],
  [
    Content,
    {
      type: 'string',
      minLength: 1,
      maxLength: MAX_CONTENT_LENGTH,
      pattern: '\\S',
      description: `Trimmed; 1-${MAX_CONTENT_LENGTH} characters with something visible`,
    },
  ],
  [ClientMessageId, { type: 'string', pattern: CLIENT_MESSAGE_ID_PATTERN.source }],
]);

interface Fields {
  readonly properties: Record<string, t.Decoder<unknown, unknown>>;
  readonly optional: string[];
}

type Walkable = t.Decoder<unknown, unknown> & {
  readonly _tag?: string;
  readonly type?: Walkable;
  readonly types?: readonly Walkable[];
  readonly props?: Record<string, t.Decoder<unknown, unknown>>;
};

const fieldsOf = (codec: Walkable): Fields => {
  switch (codec._tag) {
    case 'ExactType':
      return fieldsOf(codec.type!);
    case 'InterfaceType':
      return { properties: { ...codec.props }, optional: [] };
    case 'PartialType':
      return { properties: { ...codec.props }, optional: Object.keys(codec.props ?? {}) };
    case 'IntersectionType':
      return (codec.types ?? []).map(fieldsOf).reduce((a, b) => ({
        properties: { ...a.properties, ...b.properties },
        optional: [...a.optional, ...b.optional],
      }));
    default:
      throw new Error(`${codec.name} is not an object codec (type, partial, exact or their intersection)`);
  }
};

/**
 * The closed object schema of an io-ts object codec: its fields, which of
 * them are required, and each field's rule. Closed as the REST request bodies
 * are: the server ignores unknown fields, and clients should not send them.
 */
export const schemaOfCodec = (
  codec: t.Decoder<unknown, unknown>,
  descriptions: Readonly<Record<string, string>> = {},
): Schema => {
  const { properties, optional } = fieldsOf(codec as Walkable);
  const schemas = Object.fromEntries(
    Object.entries(properties).map(([name, field]) => {
      const schema = FIELD_SCHEMAS.get(field);
      if (schema === undefined) throw new Error(`no JSON Schema for the ${field.name} codec of field ${name}`);
      const description = descriptions[name];
      return [name, description === undefined ? schema : { ...schema, description }];
    }),
  );
  return object(schemas, optional);
};
