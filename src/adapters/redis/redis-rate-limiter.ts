import { RateLimiterMemory, RateLimiterRedis, RLWrapperTimeouts } from 'rate-limiter-flexible';
import type { RateLimiter, RateLimiterFactory, RateLimitRule } from '../../ports/rate-limiter.js';
import type { RedisConnection } from './redis-connection.js';
import { asRateLimiter, rateLimitersByRule } from '../shared/rate-limiters-by-rule.js';

const limiterFor = (redis: RedisConnection, rule: RateLimitRule): RateLimiter => {
  const keyPrefix = redis.key(`ratelimit:${rule.name}`);
  const redisLimiter = new RateLimiterRedis({
    storeClient: redis.client,
    useRedisPackage: true,
    // Answer from the insurance limiter at once while disconnected, instead of waiting for a command to fail.
    rejectIfRedisNotReady: true,
    keyPrefix,
    points: rule.points,
    duration: rule.durationSeconds,
    // Per process while Redis is down: limits loosen by the number of processes, requests keep being served.
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points: rule.points, duration: rule.durationSeconds }),
  });
  // A hung server also falls back to the insurance limiter, after the connection's command timeout.
  const limiter = new RLWrapperTimeouts({ limiter: redisLimiter, timeoutMs: redis.commandTimeoutMs });
  return asRateLimiter(limiter);
};

/** Rate limits shared by every process through Redis; the same rule name means the same counters. */
export const createRedisRateLimiterFactory = (redis: RedisConnection): RateLimiterFactory =>
  rateLimitersByRule((rule) => limiterFor(redis, rule));
