import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitDecision, RateLimiter, RateLimiterFactory, RateLimitRule } from '../../ports/rate-limiter.js';

const decide = async (attempt: Promise<RateLimiterRes>): Promise<RateLimitDecision> => {
  try {
    const res = await attempt;
    return { allowed: true, remaining: res.remainingPoints };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
  }
};

const limiterFor = (rule: RateLimitRule): RateLimiter => {
  const limiter = new RateLimiterMemory({ keyPrefix: rule.name, points: rule.points, duration: rule.durationSeconds });
  return {
    consume: (key, points = 1) => decide(limiter.consume(key, points)),
    reset: async (key) => {
      await limiter.delete(key);
    },
  };
};

/**
 * Rate limits of a single process. The same rule name gives the same counters,
 * as it does on Redis, where every process shares them.
 */
export const createInMemoryRateLimiterFactory = (): RateLimiterFactory => {
  const limiters = new Map<string, { rule: RateLimitRule; limiter: RateLimiter }>();
  return (rule) => {
    const existing = limiters.get(rule.name);
    if (existing) {
      if (existing.rule.points !== rule.points || existing.rule.durationSeconds !== rule.durationSeconds) {
        throw new Error(`rate limit rule "${rule.name}" is already defined with other limits`);
      }
      return existing.limiter;
    }
    const limiter = limiterFor(rule);
    limiters.set(rule.name, { rule, limiter });
    return limiter;
  };
};
