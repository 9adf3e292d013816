import type { ServerEventName, ServerEventPayload } from '../../../src/ports/realtime-events.js';
import type { ChatSocket } from './chat-socket.js';

/** The next `event` the socket receives from now on; rejects after `timeoutMs`. */
export const nextEvent = <E extends ServerEventName>(
  socket: ChatSocket,
  event: E,
  timeoutMs = 3_000,
): Promise<ServerEventPayload<E>> =>
  new Promise((resolve, reject) => {
    const listener = (payload: ServerEventPayload<E>) => {
      clearTimeout(timer);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once(event, listener as never);
  });

/** The reason the server gives when it disconnects the socket; rejects after `timeoutMs`. */
export const nextDisconnect = (socket: ChatSocket, timeoutMs: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
