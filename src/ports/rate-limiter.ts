export type RateLimitDecision =
  | { readonly allowed: true; readonly remaining: number }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/** A fixed-window counter per key (points per duration). */
export interface RateLimiter {
  consume(key: string, points?: number): Promise<RateLimitDecision>;
  /** Forgets a key, e.g. after a successful login. */
  reset(key: string): Promise<void>;
}

export interface RateLimitRule {
  /** Namespaces keys, so limiters never share counters. */
  readonly name: string;
  readonly points: number;
  readonly durationSeconds: number;
}

export type RateLimiterFactory = (rule: RateLimitRule) => RateLimiter;
