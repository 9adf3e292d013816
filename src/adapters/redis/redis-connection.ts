import { createClient, type RedisClientType } from 'redis';
import type { Logger } from '../../ports/logger.js';
import type { RoundTripMeter } from '../../ports/round-trip-meter.js';
import { countRedisRoundTrips } from './redis-round-trips.js';

export type RedisClient = RedisClientType;

export interface RedisConnectionOptions {
  readonly url: string;
  /** Put before every key this project writes, e.g. `chat:` (the default). */
  readonly keyPrefix?: string;
  readonly connectTimeoutMs?: number;
  /**
   * How long this project's Redis adapters wait for a reply before giving up,
   * so a hung or partitioned server cannot hang requests. Default 1000 ms.
   */
  readonly commandTimeoutMs?: number;
  /** Reconnect delays grow from 50 ms, doubling, up to this. Reconnection never gives up. */
  readonly maxReconnectDelayMs?: number;
  readonly logger?: Logger;
  /** Queue commands while disconnected instead of failing them (for pub/sub fan-out, not for request paths). */
  readonly offlineQueue?: boolean;
  /** Counts this client's round trips. */
  readonly roundTrips?: RoundTripMeter;
}

/**
 * One node-redis client and the key namespace of this deployment. While the
 * server is unreachable, commands reject at once ("offline") instead of
 * queueing: callers degrade or answer 503, and the client reconnects by itself.
 */
export class RedisConnection {
  readonly client: RedisClient;
  readonly keyPrefix: string;
  readonly commandTimeoutMs: number;
  private readonly stopCounting: () => void;

  constructor(options: RedisConnectionOptions) {
    const maxDelay = options.maxReconnectDelayMs ?? 2_000;
    this.keyPrefix = options.keyPrefix ?? 'chat:';
    this.commandTimeoutMs = options.commandTimeoutMs ?? 1_000;
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: !options.offlineQueue,
      // node-redis 6 fails a command still unsent after 5 s by default; the offline queue exists to hold publishes
      // through an outage of any length, and request paths bound their own waits (withTimeout).
      commandOptions: { timeout: undefined },
      // On by default with RESP3 (Redis Enterprise maintenance events): a DNS lookup and a command plain Redis
      // refuses, on every connect.
      maintNotifications: 'disabled',
      socket: {
        connectTimeout: options.connectTimeoutMs ?? 5_000,
        reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, maxDelay) + Math.floor(Math.random() * 50),
      },
    });
    this.watch(options.logger);
    this.stopCounting = options.roundTrips ? countRedisRoundTrips(this.client, options.roundTrips) : () => undefined;
  }

  /** `<keyPrefix><name>`: the only way keys are named, so deployments sharing a server never collide. */
  key(name: string): string {
    return `${this.keyPrefix}${name}`;
  }

  /** Resolves once connected; while the server is down it keeps retrying. */
  async connect(): Promise<void> {
    if (!this.client.isOpen) await this.client.connect();
  }

  /**
   * Closes the client. While connected it waits for the replies to commands already sent; while disconnected it
   * only stops reconnecting: close() waits for every queued command, and those queued for a reconnect (offline
   * queue) would never be sent, so waiting would hang the shutdown.
   */
  async quit(): Promise<void> {
    this.stopCounting();
    if (!this.client.isOpen) return;
    const closed = this.client.close();
    if (this.client.isReady) await closed;
    else closed.catch(() => undefined);
  }

  private watch(logger: Logger | undefined): void {
    let lost = false;
    // Before the first connection, failures are the start's to report (once, naming the setting).
    let connectedOnce = false;
    // Without an 'error' listener node-redis errors would crash the process.
    this.client.on('error', (error: Error) => {
      if (!lost && connectedOnce && this.client.isOpen) logger?.warn('redis connection lost', { error: error.message });
      else logger?.debug('redis connection error', { error: error.message });
      lost = true;
    });
    this.client.on('ready', () => {
      if (lost && connectedOnce) logger?.info('redis connection restored');
      lost = false;
      connectedOnce = true;
    });
  }
}
