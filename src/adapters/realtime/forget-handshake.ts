import type { IncomingMessage } from 'node:http';
import type { ChatSocket } from './chat-server.js';

const NOTHING = Object.freeze({});

/**
 * Drops what a socket would otherwise keep of its handshake for its whole
 * life, once the token has been read from it: the request (engine.io keeps
 * it, and so does the listener engine.io's WebSocket upgrade leaves on the
 * TCP socket, hence its headers are emptied too), the request's headers and
 * query on `socket.handshake`, and the token in `handshake.auth`. Socket.IO
 * documents dropping the request this way; nothing reads them later.
 */
export const forgetHandshake = (socket: ChatSocket): void => {
  const connection = socket.conn as unknown as { request: IncomingMessage | null };
  const request = connection.request;
  if (request) {
    request.headers = NOTHING;
    request.rawHeaders = [];
    connection.request = null;
  }
  socket.handshake.headers = NOTHING;
  socket.handshake.query = NOTHING;
  socket.handshake.auth = NOTHING;
};
