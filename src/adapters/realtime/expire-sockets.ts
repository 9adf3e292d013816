import { ERROR_CODES } from '../../domain/errors.js';
import type { ChatServer } from './chat-server.js';

/** How often the sockets' tokens are checked: a socket outlives its token by at most this long. */
export const EXPIRY_SWEEP_MS = 1_000;

/**
 * Disconnects each socket of this process once its access token has expired:
 * it was authorised by that token only, and the client refreshes and connects
 * again. One sweep for all sockets instead of a timer each: a timer and its
 * closure per socket cost more memory than the sweep costs time. Returns a
 * function that stops it.
 */
export const expireSockets = (io: ChatServer, now: () => number = Date.now): (() => void) => {
  const sweep = setInterval(() => {
    const at = now();
    for (const socket of io.of('/').sockets.values()) {
      if (socket.data.claims.expiresAt.getTime() > at) continue;
      socket.emit('error', { code: ERROR_CODES.Unauthorized, message: 'token expired' });
      socket.disconnect(true);
    }
  }, EXPIRY_SWEEP_MS);
  sweep.unref();
  return () => clearInterval(sweep);
};
