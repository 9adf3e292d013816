import type { ResyncReason } from '../../ports/realtime-events.js';
import type { ChatServer } from './chat-server.js';

/**
 * Tells every socket of this process, and only those, to catch up from its
 * last positions: events meant for them may have been dropped on the way.
 */
export const tellLocalSocketsToResync = (io: ChatServer, reason: ResyncReason): void => {
  io.local.emit('resync', { reason });
};
