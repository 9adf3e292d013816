import diagnostics from 'node:diagnostics_channel';
import type { RoundTripMeter } from '../../ports/round-trip-meter.js';

/** What node-redis (5 and 6) puts in the context of its `node-redis:command` and `node-redis:batch` tracing channels. */
interface RedisTrace {
  readonly clientId?: string;
  readonly command?: string;
  /** Set on a batch, and on each command traced inside a pipeline. */
  readonly batchMode?: string;
}

const COMMAND_STARTED = 'tracing:node-redis:command:start';
const BATCH_STARTED = 'tracing:node-redis:batch:start';

/** The channels are one per process; each client counts into the meter of the app that made it. */
const meters = new Map<string, RoundTripMeter>();

const commandStarted = (message: unknown): void => {
  const trace = message as RedisTrace;
  // A command inside a pipeline travels with its batch, which is counted once.
  if (trace.batchMode !== undefined || trace.clientId === undefined) return;
  meters.get(trace.clientId)?.redisRoundTrip('command', trace.command ?? 'UNKNOWN');
};

const batchStarted = (message: unknown): void => {
  const trace = message as RedisTrace;
  if (trace.clientId === undefined) return;
  meters.get(trace.clientId)?.redisRoundTrip('batch', trace.batchMode ?? 'UNKNOWN');
};

/** A node-redis client as its tracing names it. */
export interface TracedRedisClient {
  readonly _clientId: string;
}

/**
 * Counts the client's round trips in `meter`, from node-redis's tracing
 * channels (a command is one, a MULTI or pipeline is one; pub/sub
 * subscriptions are not traced). While no client is counted nothing listens,
 * and node-redis then skips tracing altogether. Returns the way to stop.
 */
export const countRedisRoundTrips = (client: TracedRedisClient, meter: RoundTripMeter): (() => void) => {
  if (meters.size === 0) {
    diagnostics.subscribe(COMMAND_STARTED, commandStarted);
    diagnostics.subscribe(BATCH_STARTED, batchStarted);
  }
  const id = client._clientId;
  meters.set(id, meter);
  return () => {
    if (!meters.delete(id) || meters.size > 0) return;
    diagnostics.unsubscribe(COMMAND_STARTED, commandStarted);
    diagnostics.unsubscribe(BATCH_STARTED, batchStarted);
  };
};
