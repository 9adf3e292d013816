import type * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';

const describe = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (value instanceof Date) return 'a Date';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
};

interface TaggedType {
  readonly _tag?: string;
  readonly type?: TaggedType;
}

const WRAPPERS = new Set(['ExactType', 'ReadonlyType', 'RefinementType']);

// Intersections and unions (also inside exact()) add their member index to the context: that is not a field.
const isComposite = (type: t.Decoder<unknown, unknown> | undefined): boolean => {
  let inner = type as TaggedType | undefined;
  while (inner?._tag !== undefined && WRAPPERS.has(inner._tag)) inner = inner.type;
  return inner?._tag === 'IntersectionType' || inner?._tag === 'UnionType';
};

const problemOf = (error: t.ValidationError): string => {
  const fields = error.context.filter(
    (entry, index) => entry.key !== '' && !isComposite(error.context[index - 1]?.type),
  );
  const field = fields[fields.length - 1];
  const path = fields.map((entry) => entry.key).join('.') || '(root)';
  return field
    ? `${path}: expected ${field.type.name}, got ${describe(field.actual)}`
    : `${path}: expected ${error.context[0]?.type.name ?? 'a document'}, got ${describe(error.value)}`;
};

/** Decodes a document read back from Mongo, or throws naming the collection, the id and every bad field. */
export const decodeDocument = <A, O>(codec: t.Type<A, O, unknown>, collection: string, value: unknown): A => {
  const result = codec.decode(value);
  if (!isLeft(result)) return result.right;
  const id = typeof value === 'object' && value !== null && '_id' in value ? String(value._id) : '?';
  const problems = [...new Set(result.left.map(problemOf))];
  throw new Error(`Malformed ${collection} document ${id}: ${problems.join('; ')}`);
};
