import { EDGE_ERROR_CODES, ERROR_CODES } from '../../../domain/errors.js';
import { object, oneOf, string, type Schema } from '../openapi/schema-builders.js';

export type AckErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES] | typeof EDGE_ERROR_CODES.internal;

/** Every code a socket error can carry. */
export const SOCKET_ERROR_CODES = [
  ...Object.values(ERROR_CODES),
  EDGE_ERROR_CODES.internal,
] as const satisfies readonly AckErrorCode[];

/** `{code, message}`, the error of a failed ack or of the `error` event. */
export const ackError = (codes: readonly AckErrorCode[]): Schema => object({ code: oneOf(...codes), message: string });

/** Failures any client event can be answered with. */
export const EVERY_EVENT_ERRORS = [
  ERROR_CODES.RateLimited,
  ERROR_CODES.Unavailable,
  EDGE_ERROR_CODES.internal,
] as const satisfies readonly AckErrorCode[];
