import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../ports/realtime-events.js';
import type { AccessClaims } from '../../ports/token-service.js';

/** What the handshake leaves on every authenticated socket. */
export interface SocketData {
  claims: AccessClaims;
}

export type ChatServer = Server<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;
export type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;
