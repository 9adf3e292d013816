import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { validation, type AppError, type FieldError } from '../../domain/errors.js';

const fieldOf = (context: t.Context): string =>
  context
    .slice(1)
    .map((entry) => entry.key)
    .filter((key) => key !== '' && !/^\d+$/.test(key))
    .join('.') || 'body';

/**
 * Readable `{field, message}` pairs. The submitted value is never echoed: it
 * may be a password.
 */
export const describeErrors = (errors: t.Errors): FieldError[] => {
  const seen = new Map<string, string>();
  for (const error of errors) {
    const field = fieldOf(error.context);
    if (seen.has(field)) continue;
    const expected = error.context[error.context.length - 1]?.type.name ?? 'a valid value';
    seen.set(field, error.message ?? (error.value === undefined ? 'is required' : `must be ${expected}`));
  }
  return [...seen].map(([field, message]) => ({ field, message }));
};

export const decodeInput = <A, O>(codec: t.Type<A, O, unknown>, input: unknown): E.Either<AppError, A> => {
  const result = codec.decode(input);
  return E.isRight(result) ? result : E.left(validation('Validation failed', describeErrors(result.left)));
};
