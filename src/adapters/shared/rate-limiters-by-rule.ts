import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitDecision, RateLimiter, RateLimiterFactory, RateLimitRule } from '../../ports/rate-limiter.js';

/** What rate-limiter-flexible's limiters (memory, Redis, wrappers) have in common here. */
interface FlexibleLimiter {
  consume(key: string, points: number): Promise<RateLimiterRes>;
  delete(key: string): Promise<boolean>;
}

/** The port over a rate-limiter-flexible limiter: a refusal arrives as a rejected RateLimiterRes. */
export const asRateLimiter = (limiter: FlexibleLimiter): RateLimiter => ({
  async consume(key, points = 1): Promise<RateLimitDecision> {
    try {
      const res = await limiter.consume(key, points);
      return { allowed: true, remaining: res.remainingPoints };
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    }
  },
  async reset(key) {
    await limiter.delete(key);
  },
});

/**
 * A factory that gives the same limiter for the same rule name, as a shared
 * store would (same counters), and refuses one name with two sets of limits.
 */
export const rateLimitersByRule = (build: (rule: RateLimitRule) => RateLimiter): RateLimiterFactory => {
  const limiters = new Map<string, { rule: RateLimitRule; limiter: RateLimiter }>();
  return (rule) => {
    const existing = limiters.get(rule.name);
    if (existing) {
      if (existing.rule.points !== rule.points || existing.rule.durationSeconds !== rule.durationSeconds) {
        throw new Error(`rate limit rule "${rule.name}" is already defined with other limits`);
      }
      return existing.limiter;
    }
    const limiter = build(rule);
    limiters.set(rule.name, { rule, limiter });
    return limiter;
  };
};
