import * as E from 'fp-ts/lib/Either.js';
import { ERROR_CODES, type AppError, type FieldError } from '../../domain/errors.js';
import { HTTP_STATUS_OF_ERROR } from './error-status.js';
import type { HttpContext } from './http-state.js';

export interface FailureBody {
  readonly success: false;
  readonly message: string;
  readonly code: string;
  readonly errors?: readonly FieldError[];
  readonly requestId?: string;
}

export const sendSuccess = (ctx: HttpContext, data: unknown, status = 200, message?: string): void => {
  ctx.status = status;
  ctx.body = message === undefined ? { success: true, data } : { success: true, message, data };
};

export const sendFailure = (
  ctx: HttpContext,
  status: number,
  failure: Omit<FailureBody, 'success'>,
  retryAfterSeconds?: number,
): void => {
  ctx.status = status;
  if (retryAfterSeconds !== undefined) ctx.set('Retry-After', String(retryAfterSeconds));
  ctx.body = { success: false, ...failure } satisfies FailureBody;
};

export const sendAppError = (ctx: HttpContext, error: AppError): void => {
  const errors = error._tag === 'Validation' || error._tag === 'Conflict' ? { errors: error.errors } : {};
  sendFailure(
    ctx,
    HTTP_STATUS_OF_ERROR[error._tag],
    { message: error.message, code: ERROR_CODES[error._tag], ...errors },
    error._tag === 'RateLimited' ? error.retryAfterSeconds : undefined,
  );
};

/** Answers with a use case's result: its error, or its value in the success envelope. */
export const reply = <T>(
  ctx: HttpContext,
  result: E.Either<AppError, T>,
  options: { status?: number; message?: string } = {},
): void => {
  if (E.isLeft(result)) sendAppError(ctx, result.left);
  else sendSuccess(ctx, result.right, options.status, options.message);
};
