import type { SessionEndReason } from '../../ports/session-revocations.js';
import type { ChatServer } from './chat-server.js';
import { sessionRoom } from './rooms.js';

/** Tells this process's sockets of the ended sessions why, then disconnects them. */
export const endSessionSockets = (io: ChatServer, sessionIds: readonly string[], reason: SessionEndReason): void => {
  for (const sessionId of sessionIds) {
    const room = sessionRoom(sessionId);
    io.local.to(room).emit('session_ended', { reason });
    io.local.in(room).disconnectSockets(true);
  }
};
