import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from '../../ports/logger.js';
import { RedisConnection } from './redis-connection.js';

export interface SocketIoRedisFanOut {
  /** Pass to `io.adapter(...)`: rooms and broadcasts (with acknowledgements) then span every process. */
  readonly adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

/**
 * The Socket.IO Redis adapter on two clients of its own (a subscriber cannot
 * run other commands). They queue commands while Redis is away instead of
 * failing them, so broadcasts resume by themselves after an outage.
 */
export const connectSocketIoRedisFanOut = async (
  url: string,
  keyPrefix: string,
  logger: Logger,
): Promise<SocketIoRedisFanOut> => {
  const pub = new RedisConnection({ url, keyPrefix, logger, offlineQueue: true });
  const sub = new RedisConnection({ url, keyPrefix, logger, offlineQueue: true });
  await Promise.all([pub.connect(), sub.connect()]);
  return {
    adapter: createAdapter(pub.client, sub.client, { key: `${keyPrefix}socket.io`, requestsTimeout: 5_000 }),
    close: async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
};
