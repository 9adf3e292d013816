import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RLWrapperTimeouts } from 'rate-limiter-flexible';
import type { RateLimitDecision, RateLimiter, RateLimiterFactory, RateLimitRule } from '../../ports/rate-limiter.js';
import type { RedisConnection } from './redis-connection.js';

const decide = async (attempt: Promise<RateLimiterRes>): Promise<RateLimitDecision> => {
  try {
    const res = await attempt;
    return { allowed: true, remaining: res.remainingPoints };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
  }
};

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
  return {
    consume: (key, points = 1) => decide(limiter.consume(key, points)),
    reset: async (key) => {
      await limiter.delete(key);
    },
  };
};

/** Rate limits shared by every process through Redis; the same rule name means the same counters. */
export const createRedisRateLimiterFactory = (redis: RedisConnection): RateLimiterFactory => {
  const limiters = new Map<string, { rule: RateLimitRule; limiter: RateLimiter }>();
  return (rule) => {
    const existing = limiters.get(rule.name);
    if (existing) {
      if (existing.rule.points !== rule.points || existing.rule.durationSeconds !== rule.durationSeconds) {
        throw new Error(`rate limit rule "${rule.name}" is already defined with other limits`);
      }
      return existing.limiter;
    }
    const limiter = limiterFor(redis, rule);
    limiters.set(rule.name, { rule, limiter });
    return limiter;
  };
};
