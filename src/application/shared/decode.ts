import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { validation, type AppError, type FieldError } from '../../domain/errors.js';

const fieldOf = (context: t.Context): string =>
  context
    .slice(1)
    .map((entry) => entry.key)
    .filter((key) => key !== '' && !/^\d+$/.test(key))
    .join('.') || 'body';

/** io-ts names composite types by their structure; people read "a JSON object". */
const expectedOf = (error: t.ValidationError): string => {
  const type = error.context[error.context.length - 1]?.type;
  const name = type?.name ?? '';
  if (/^(Exact|Partial|\{|\()/.test(name)) return 'must be a JSON object';
  return `must be ${name || 'a valid value'}`;
};

/**
 * Readable `{field, message}` pairs. The submitted value is never echoed: it
 * may be a password.
 */
export const describeErrors = (errors: t.Errors): FieldError[] => {
  const seen = new Map<string, string>();
  for (const error of errors) {
    const field = fieldOf(error.context);
    if (seen.has(field)) continue;
    seen.set(field, error.message ?? (error.value === undefined ? 'is required' : expectedOf(error)));
  }
  return [...seen].map(([field, message]) => ({ field, message }));
};

export const decodeInput = <A, O>(codec: t.Type<A, O, unknown>, input: unknown): E.Either<AppError, A> => {
  const result = codec.decode(input);
  return E.isRight(result) ? result : E.left(validation('Validation failed', describeErrors(result.left)));
};
