/** What a socket client must live within, as this deployment is configured; the AsyncAPI document states them. */
export interface RealtimeLimits {
  /** Sockets one user may have open over all processes (`SOCKETS_PER_USER`). */
  readonly socketsPerUser: number;
  /** Events one user may send per window, over all of their sockets (`SOCKET_EVENTS_PER_USER`). */
  readonly eventsPerUser: number;
  /** The fixed window of that budget (`SOCKET_EVENTS_WINDOW_SECONDS`). */
  readonly eventsWindowSeconds: number;
  /** A socket is disconnected at this many refused events in a row. */
  readonly refusalsBeforeDisconnect: number;
  /** Socket.IO's `maxHttpBufferSize`: a larger frame closes the connection. */
  readonly maxPayloadBytes: number;
  /** Typing ends by itself after this long without a stop (`TYPING_TIMEOUT_MS`). */
  readonly typingTimeoutMs: number;
  /** How long the server waits for receiver sockets to acknowledge `message_received` (`DELIVERY_RECEIPT_TIMEOUT_MS`). */
  readonly deliveryReceiptTimeoutMs: number;
  /** Access token lifetime; a socket is disconnected when its token expires (`ACCESS_TOKEN_TTL_SECONDS`). */
  readonly accessTokenTtlSeconds: number;
}
