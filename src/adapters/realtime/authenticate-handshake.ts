import * as E from 'fp-ts/lib/Either.js';
import type { ExtendedError } from 'socket.io';
import type { UseCases } from '../../application/use-cases.js';
import { ERROR_CODES } from '../../domain/errors.js';
import type { Logger } from '../../ports/logger.js';
import { ackErrorOfException } from './ack-error.js';
import type { ChatSocket } from './chat-server.js';
import { exceptionMeta } from './exception-meta.js';
import { isServiceOutage } from '../shared/is-service-outage.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The access token from `auth.token` (bare or `Bearer …`), else from the `Authorization` header. */
export const handshakeToken = (handshake: ChatSocket['handshake']): string | undefined => {
  const fromAuth: unknown = handshake.auth?.token;
  if (typeof fromAuth === 'string' && fromAuth.length > 0) return BEARER.exec(fromAuth)?.[1] ?? fromAuth;
  const header = handshake.headers.authorization;
  return typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
};

/** The client sees `connect_error` with this message, and the code in `err.data`. */
const connectError = (message: string, code: string): ExtendedError =>
  Object.assign(new Error(message), { data: { code } });

/**
 * Handshake middleware: only a live session's valid access token connects;
 * its claims stay on the socket.
 */
export const authenticateHandshake =
  (deps: {
    authenticate: UseCases['authenticate'];
    trackPresence: UseCases['trackPresence'];
    logger: Logger;
    isClosing: () => boolean;
  }) =>
  async (socket: ChatSocket, next: (error?: ExtendedError) => void): Promise<void> => {
    if (deps.isClosing()) return next(connectError('server shutting down', ERROR_CODES.Unavailable));
    try {
      const result = await deps.authenticate.execute(handshakeToken(socket.handshake));
      if (E.isLeft(result)) return next(connectError('unauthorized', ERROR_CODES.Unauthorized));
      if (!(await deps.trackPresence.hasRoomFor(result.right.userId))) {
        return next(connectError('too_many_connections', ERROR_CODES.RateLimited));
      }
      socket.data.claims = result.right;
      next();
    } catch (exception) {
      const error = ackErrorOfException(exception);
      deps.logger[isServiceOutage(exception) ? 'warn' : 'error']('socket handshake failed', {
        socketId: socket.id,
        error: exceptionMeta(exception),
      });
      next(connectError(error.message, error.code));
    }
  };
