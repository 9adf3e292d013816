/** How one Redis round trip was made: a single command, or a MULTI/pipeline batch written and answered at once. */
export type RedisRoundTripKind = 'command' | 'batch';

/**
 * Counts what the app asks of the services and stores behind its ports: each
 * MongoDB command and each Redis round trip goes over the network, and each
 * call of an in-memory store port is what would. An operator watches these
 * per second; the benchmark divides them by the operations that caused them.
 */
export interface RoundTripMeter {
  /** One command sent to MongoDB (one round trip); `collection` is `none` for commands on no collection. */
  mongoCommand(command: string, collection: string): void;
  /** One Redis round trip; `command` is the command's name, or MULTI or PIPELINE for a batch. */
  redisRoundTrip(kind: RedisRoundTripKind, command: string): void;
  /** A function that counts one call of `method` on the in-memory store port `port`, bound once so a call costs an increment. */
  storeCallCounter(port: string, method: string): () => void;
}
