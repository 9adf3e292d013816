import type { ServerEventName, ServerEventPayload } from './realtime-events.js';

/**
 * Reaches every connected socket of a user, wherever (in which process) it is.
 * A process without sockets (a worker) reaches them through the shared fan-out.
 */
export interface RealtimeNotifier {
  toUser<E extends ServerEventName>(userId: string, event: E, payload: ServerEventPayload<E>): void;
  /**
   * Emits to the user's sockets and calls `onAcknowledged` once, when the
   * first socket acknowledges receipt (not at all if none does in time).
   */
  toUserWithReceipt<E extends ServerEventName>(
    userId: string,
    event: E,
    payload: ServerEventPayload<E>,
    onAcknowledged: () => void,
  ): void;
}
