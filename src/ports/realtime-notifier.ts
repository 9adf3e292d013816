import type { ServerEventName, ServerEventPayload } from './realtime-events.js';

/**
 * Which of the user's connections an event skips. A connection id is the one
 * the realtime adapter gives a connection (the id presence counts).
 */
export interface Exclusions {
  /** Not this connection: it made the change, and its reply already carries the result. */
  readonly exceptConnection?: string;
  /** Not the connections viewing this conversation (they said so by joining it): they show it already. */
  readonly exceptViewersOf?: string;
}

/**
 * Reaches every connected socket of a user, wherever (in which process) it is.
 * A process without sockets (a worker) reaches them through the shared fan-out.
 */
export interface RealtimeNotifier {
  toUser<E extends ServerEventName>(
    userId: string,
    event: E,
    payload: ServerEventPayload<E>,
    exclusions?: Exclusions,
  ): void;
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
