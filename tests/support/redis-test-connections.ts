import { randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import { RedisConnection, type RedisConnectionOptions } from '../../src/adapters/redis/redis-connection.js';
import type { ServiceForSuite } from './services/use-service.js';

export type OpenRedisConnection = (options?: Partial<RedisConnectionOptions>) => Promise<RedisConnection>;

/**
 * Opens connections to the suite's Redis, each under a key prefix of its own
 * unless given one; after each test their keys are removed and those still
 * open are closed. Call it at the top of a test file.
 */
export const redisTestConnections = (redis: ServiceForSuite): OpenRedisConnection => {
  const opened: RedisConnection[] = [];
  afterEach(async () => {
    for (const connection of opened.splice(0)) {
      if (!connection.client.isOpen) continue;
      for await (const keys of connection.client.scanIterator({ MATCH: `${connection.keyPrefix}*`, COUNT: 100 })) {
        if (keys.length > 0) await connection.client.del(keys);
      }
      await connection.quit();
    }
  });
  return async (options = {}) => {
    const connection = new RedisConnection({ keyPrefix: `test:${randomUUID()}:`, ...options, url: redis.url ?? '' });
    await connection.connect();
    opened.push(connection);
    return connection;
  };
};
