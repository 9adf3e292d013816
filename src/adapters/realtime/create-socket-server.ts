import type http from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import type { ChatServer } from './chat-server.js';

export type { ChatServer } from './chat-server.js';

export interface SocketServerOptions {
  readonly corsOrigins: '*' | string[];
  readonly pingIntervalMs?: number;
  readonly pingTimeoutMs?: number;
  /** Larger frames close the connection. */
  readonly maxPayloadBytes?: number;
}

export const DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * An engine that accepts no connection. A server without an engine throws in
 * `close()` (socket.io 4.8 closes `this.engine` unconditionally) and never
 * calls the callback, so a detached server gets this one instead.
 */
const noTransport = { on: () => noTransport, close: () => undefined };

/**
 * The Socket.IO server. Without an HTTP server it is detached: a process that
 * holds no sockets (a worker) still broadcasts through the adapter attached
 * to it (e.g. the Redis adapter).
 */
export const createSocketServer = (httpServer: http.Server | undefined, options: SocketServerOptions): ChatServer => {
  const serverOptions: Partial<ServerOptions> = {
    // Tokens travel in the handshake, never in cookies: no credentialed CORS needed.
    cors: { origin: options.corsOrigins === '*' ? '*' : [...options.corsOrigins] },
    // Chat frames are small; compressing them costs more CPU and memory than it saves.
    perMessageDeflate: false,
    maxHttpBufferSize: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES,
    serveClient: false,
    ...(options.pingIntervalMs !== undefined ? { pingInterval: options.pingIntervalMs } : {}),
    ...(options.pingTimeoutMs !== undefined ? { pingTimeout: options.pingTimeoutMs } : {}),
  };
  if (httpServer) return new Server(httpServer, serverOptions);
  const detached: ChatServer = new Server(serverOptions);
  return detached.bind(noTransport as unknown as Parameters<ChatServer['bind']>[0]);
};

/** The largest frame the server accepts (engine.io fills in its options, so the value is always there). */
export const maxPayloadBytesOf = (io: ChatServer): number =>
  io.engine.opts.maxHttpBufferSize ?? DEFAULT_MAX_PAYLOAD_BYTES;
