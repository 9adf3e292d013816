import type { RealtimeLimits } from '../adapters/http/asyncapi/realtime-limits.js';
import { REFUSALS_BEFORE_DISCONNECT } from '../adapters/realtime/socket-event-runner.js';
import type { Config } from './config.js';

/** The Socket.IO limits a configuration gives, with the frame size the socket server was made with. */
export const realtimeLimitsOf = (config: Config, maxPayloadBytes: number): RealtimeLimits => ({
  socketsPerUser: config.SOCKETS_PER_USER,
  eventsPerUser: config.SOCKET_EVENTS_PER_USER,
  eventsWindowSeconds: config.SOCKET_EVENTS_WINDOW_SECONDS,
  refusalsBeforeDisconnect: REFUSALS_BEFORE_DISCONNECT,
  maxPayloadBytes,
  typingTimeoutMs: config.TYPING_TIMEOUT_MS,
  deliveryReceiptTimeoutMs: config.DELIVERY_RECEIPT_TIMEOUT_MS,
  accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
});
