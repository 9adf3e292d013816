import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from '../../ports/logger.js';
import type { RoundTripMeter } from '../../ports/round-trip-meter.js';
import { RedisConnection } from './redis-connection.js';

export interface SocketIoRedisFanOut {
  /** Pass to `io.adapter(...)`: rooms and broadcasts (with acknowledgements) then span every process. */
  readonly adapter: ReturnType<typeof createAdapter>;
  /**
   * Calls `listener` each time the fan-out works again after either of its
   * connections was lost: what other processes published meanwhile never
   * reached this one, so its sockets must catch up.
   */
  onRestored(listener: () => void): void;
  /** Pub/sub on the fan-out's own connections (publishes wait in the offline queue while Redis is away). */
  readonly bus: PubSubBus;
  close(): Promise<void>;
}

export interface PubSubBus {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, listener: (message: string) => void): Promise<void>;
}

const PROBE_INTERVAL_MS = 250;

/**
 * The Socket.IO Redis adapter on two clients of its own (a subscriber cannot
 * run other commands). They queue commands while Redis is away instead of
 * failing them, so broadcasts resume by themselves after an outage; but what
 * was published while this process's subscriber was away is gone, which is
 * why a restore is announced.
 */
export const connectSocketIoRedisFanOut = async (
  url: string,
  keyPrefix: string,
  logger: Logger,
  roundTrips?: RoundTripMeter,
): Promise<SocketIoRedisFanOut> => {
  const options = { url, keyPrefix, logger, offlineQueue: true, roundTrips };
  const pub = new RedisConnection(options);
  const sub = new RedisConnection(options);
  await Promise.all([pub.connect(), sub.connect()]);
  handlePublishFailures(pub, logger);
  const probe = new RestoreProbe(pub, sub, `${keyPrefix}socket.io-probe#${randomUUID()}`, logger);
  await probe.start();
  return {
    adapter: createAdapter(pub.client, sub.client, { key: `${keyPrefix}socket.io`, requestsTimeout: 5_000 }),
    onRestored: (listener) => probe.listeners.push(listener),
    bus: {
      publish: async (channel, message) => {
        await pub.client.publish(pub.key(channel), message);
      },
      subscribe: (channel, listener) => sub.client.subscribe(sub.key(channel), listener),
    },
    close: async () => {
      probe.stop();
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
};

/**
 * The Socket.IO Redis adapter publishes without handling the returned
 * promise: a publish in flight when Redis drops would reject unhandled and
 * end the process. Every publish on this client gets a handler; callers that
 * await it still see the rejection.
 */
const handlePublishFailures = (pub: RedisConnection, logger: Logger): void => {
  const publish = pub.client.publish.bind(pub.client);
  const handled = (...args: Parameters<typeof publish>) => {
    const sent = publish(...args);
    sent.catch((error: unknown) => logger.debug('fan-out publish failed', { error: (error as Error).message }));
    return sent;
  };
  Object.defineProperty(pub.client, 'publish', { value: handled, configurable: true, writable: true });
};

/**
 * Notices a lost connection, then declares the fan-out restored only once a
 * message published on one client arrives on the subscriber: proof that the
 * subscriber is subscribed again, not merely connected.
 */
class RestoreProbe {
  readonly listeners: Array<() => void> = [];
  private lost = false;
  private pending: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly pub: RedisConnection,
    private readonly sub: RedisConnection,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.sub.client.subscribe(this.channel, (token) => this.arrived(token));
    for (const connection of [this.pub, this.sub]) {
      connection.client.on('error', () => this.markLost());
      connection.client.on('end', () => this.markLost());
      connection.client.on('ready', () => this.probeSoon());
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private markLost(): void {
    if (this.stopped) return;
    this.lost = true;
    this.pending = null;
  }

  /** Publishes a fresh token until one comes back through the subscriber. */
  private probeSoon(): void {
    if (!this.lost || this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.lost || this.stopped) return;
      const token = randomUUID();
      this.pending = token;
      this.pub.client.publish(this.channel, token).catch(() => undefined);
      this.probeSoon();
    }, PROBE_INTERVAL_MS);
  }

  private arrived(token: string): void {
    if (!this.lost || token !== this.pending) return;
    this.lost = false;
    this.pending = null;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.logger.info('socket fan-out restored; telling local sockets to resync');
    for (const listener of this.listeners) listener();
  }
}
