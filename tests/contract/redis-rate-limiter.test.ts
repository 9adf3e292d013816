import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRedisRateLimiterFactory } from '../../src/adapters/redis/redis-rate-limiter.js';
import { redisTestConnections } from '../support/redis-test-connections.js';
import { useService } from '../support/services/use-service.js';
import { describeRateLimiterContract } from './rate-limiter-contract.js';

const redis = useService('redis');
const openConnection = redisTestConnections(redis);

describe.skipIf(redis.skip)('Redis rate limiter', () => {
  describeRateLimiterContract('redis', async () => createRedisRateLimiterFactory(await openConnection()));

  it('shares counters between processes', async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const rule = { name: 'login', points: 2, durationSeconds: 60 };
    const processA = createRedisRateLimiterFactory(await openConnection({ keyPrefix }))(rule);
    const processB = createRedisRateLimiterFactory(await openConnection({ keyPrefix }))(rule);

    expect(await processA.consume('ip')).toEqual({ allowed: true, remaining: 1 });
    expect(await processB.consume('ip')).toEqual({ allowed: true, remaining: 0 });
    expect((await processA.consume('ip')).allowed).toBe(false);
    await processB.reset('ip');
    expect(await processA.consume('ip')).toEqual({ allowed: true, remaining: 1 });
  });

  it('keeps its counters under the connection key prefix, with an expiry', async () => {
    const connection = await openConnection();
    await createRedisRateLimiterFactory(connection)({ name: 'send', points: 5, durationSeconds: 60 }).consume('u1');
    const key = `${connection.keyPrefix}ratelimit:send:u1`;
    expect(await connection.client.get(key)).toBe('1');
    const ttl = await connection.client.pTTL(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});
