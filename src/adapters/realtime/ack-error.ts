import { EDGE_ERROR_CODES, ERROR_CODES, type AppError, type AppErrorTag } from '../../domain/errors.js';
import type { AckError } from '../../ports/realtime-events.js';
import { isServiceOutage } from '../shared/is-service-outage.js';

/** The one place an application error becomes a socket error code. */
export const ACK_CODE_OF_ERROR = ERROR_CODES satisfies Record<AppErrorTag, string>;

export const ackErrorOf = (error: AppError): AckError => ({
  code: ACK_CODE_OF_ERROR[error._tag],
  message: error.message,
});

/** An exception the use cases did not expect: a generic message, never its details. */
export const ackErrorOfException = (exception: unknown): AckError =>
  isServiceOutage(exception)
    ? { code: ERROR_CODES.Unavailable, message: 'A required service is unavailable; try again shortly' }
    : { code: EDGE_ERROR_CODES.internal, message: 'Internal error' };
