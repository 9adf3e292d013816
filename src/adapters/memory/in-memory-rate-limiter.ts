import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { RateLimiter, RateLimiterFactory, RateLimitRule } from '../../ports/rate-limiter.js';
import { asRateLimiter, rateLimitersByRule } from '../shared/rate-limiters-by-rule.js';

const limiterFor = (rule: RateLimitRule): RateLimiter => {
  const limiter = new RateLimiterMemory({ keyPrefix: rule.name, points: rule.points, duration: rule.durationSeconds });
  return asRateLimiter(limiter);
};

/**
 * Rate limits of a single process. The same rule name gives the same counters,
 * as it does on Redis, where every process shares them.
 */
export const createInMemoryRateLimiterFactory = (): RateLimiterFactory =>
  rateLimitersByRule((rule) => limiterFor(rule));
