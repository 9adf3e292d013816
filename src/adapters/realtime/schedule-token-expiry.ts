import { ERROR_CODES } from '../../domain/errors.js';
import type { ChatSocket } from './chat-server.js';

/** setTimeout's longest delay; a later expiry is reached in several steps. */
const MAX_DELAY_MS = 2_147_483_647;

/**
 * Disconnects the socket when its access token expires: it was authorised by
 * that token only. The client refreshes its token and connects again.
 * Returns a function that cancels the timer.
 */
export const scheduleTokenExpiry = (socket: ChatSocket, expiresAt: Date): (() => void) => {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const remaining = new Date(expiresAt).getTime() - Date.now();
    if (remaining > 0) {
      timer = setTimeout(arm, Math.min(remaining, MAX_DELAY_MS));
      timer.unref();
      return;
    }
    socket.emit('error', { code: ERROR_CODES.Unauthorized, message: 'token expired' });
    socket.disconnect(true);
  };
  arm();
  return () => clearTimeout(timer);
};
