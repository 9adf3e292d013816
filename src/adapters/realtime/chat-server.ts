import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../ports/realtime-events.js';
import type { AccessClaims } from '../../ports/token-service.js';
import type { TypingTimers } from './typing-timers.js';

/**
 * What the handshake leaves on every authenticated socket, and the little
 * state a socket needs beyond it, made only when it is needed: an idle
 * socket carries its claims and nothing else.
 */
export interface SocketData {
  claims: AccessClaims;
  /** The conversations it is typing in, while there are any. */
  typing?: TypingTimers;
  /** Events refused in a row (over the user's budget). */
  refusals?: number;
}

export type ChatServer = Server<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;
export type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;
