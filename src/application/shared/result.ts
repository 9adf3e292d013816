import * as E from 'fp-ts/lib/Either.js';
import type { AppError } from '../../domain/errors.js';

/** What every use case returns: an expected failure, or its result. */
export type Result<T> = Promise<E.Either<AppError, T>>;

export const ok = <T>(value: T): E.Either<AppError, T> => E.right(value);
export const fail = <T = never>(error: AppError): E.Either<AppError, T> => E.left(error);
