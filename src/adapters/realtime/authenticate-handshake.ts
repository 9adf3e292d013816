import * as E from 'fp-ts/lib/Either.js';
import type { ExtendedError } from 'socket.io';
import type { UseCases } from '../../application/use-cases.js';
import { ERROR_CODES } from '../../domain/errors.js';
import type { Logger } from '../../ports/logger.js';
import { ackErrorOfException } from './ack-error.js';
import type { ChatSocket } from './chat-server.js';
import { exceptionMeta } from './exception-meta.js';
import { forgetHandshake } from './forget-handshake.js';
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
 * Handshake middleware: only a live session's valid access token connects,
 * and only while its user has room for another socket. No database read:
 * the token and the session are checked in memory, and the room is taken in
 * one presence store call. The claims stay on the socket; the rest of the
 * handshake is dropped.
 */
export const authenticateHandshake =
  (deps: {
    authenticate: UseCases['authenticate'];
    trackPresence: UseCases['trackPresence'];
    logger: Logger;
    isClosing: () => boolean;
    /** Called with the presence work of the handshake, so a shutdown can wait for it. */
    track: <T>(work: Promise<T>) => Promise<T>;
    /**
     * The socket holds a presence lease from now on, whether or not Socket.IO
     * goes on to connect it; false when it must not connect after all.
     */
    onAdmitted: (socket: ChatSocket) => boolean;
  }) =>
  async (socket: ChatSocket, next: (error?: ExtendedError) => void): Promise<void> => {
    if (deps.isClosing()) return next(connectError('server shutting down', ERROR_CODES.Unavailable));
    const token = handshakeToken(socket.handshake);
    forgetHandshake(socket);
    try {
      const result = await deps.authenticate.execute(token);
      if (E.isLeft(result)) return next(connectError('unauthorized', ERROR_CODES.Unauthorized));
      const claims = result.right;
      const user = { id: claims.userId, username: claims.username };
      const admission = await deps.track(deps.trackPresence.admit(user, socket.id));
      if (!admission.admitted) return next(connectError('too_many_connections', ERROR_CODES.RateLimited));
      socket.data.claims = claims;
      if (!deps.onAdmitted(socket)) return next(connectError('server shutting down', ERROR_CODES.Unavailable));
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
