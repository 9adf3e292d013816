import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RateLimitDecision, RateLimiterFactory } from '../../src/ports/rate-limiter.js';

/** Each call gives a factory whose counters start empty. */
export type MakeRateLimiterFactory = () => Promise<RateLimiterFactory>;

const uniqueName = (label: string): string => `${label}-${randomUUID()}`;

export const describeRateLimiterContract = (implementationName: string, makeFactory: MakeRateLimiterFactory): void => {
  describe(`RateLimiter contract: ${implementationName}`, () => {
    it('allows `points` consumptions in a window, counting down, then refuses with a retry delay', async () => {
      const limiter = (await makeFactory())({ name: uniqueName('login'), points: 3, durationSeconds: 60 });
      const decisions: RateLimitDecision[] = [];
      for (let i = 0; i < 4; i += 1) decisions.push(await limiter.consume('10.0.0.1'));

      expect(decisions.slice(0, 3)).toEqual([
        { allowed: true, remaining: 2 },
        { allowed: true, remaining: 1 },
        { allowed: true, remaining: 0 },
      ]);
      const refused = decisions[3];
      expect(refused?.allowed).toBe(false);
      if (refused?.allowed !== false) return;
      expect(Number.isInteger(refused.retryAfterSeconds)).toBe(true);
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    });

    it('keeps refusing while the window lasts', async () => {
      const limiter = (await makeFactory())({ name: uniqueName('send'), points: 1, durationSeconds: 30 });
      await limiter.consume('user');
      expect((await limiter.consume('user')).allowed).toBe(false);
      expect((await limiter.consume('user')).allowed).toBe(false);
    });

    it('consumes several points at once', async () => {
      const limiter = (await makeFactory())({ name: uniqueName('bulk'), points: 5, durationSeconds: 60 });
      expect(await limiter.consume('k', 3)).toEqual({ allowed: true, remaining: 2 });
      expect((await limiter.consume('k', 3)).allowed).toBe(false);
    });

    it('counts each key separately', async () => {
      const limiter = (await makeFactory())({ name: uniqueName('ip'), points: 1, durationSeconds: 60 });
      expect((await limiter.consume('a')).allowed).toBe(true);
      expect((await limiter.consume('b')).allowed).toBe(true);
      expect((await limiter.consume('a')).allowed).toBe(false);
    });

    it('forgets a key on reset', async () => {
      const limiter = (await makeFactory())({ name: uniqueName('login'), points: 2, durationSeconds: 60 });
      await limiter.consume('alice@example.com');
      await limiter.consume('alice@example.com');
      expect((await limiter.consume('alice@example.com')).allowed).toBe(false);

      await limiter.reset('alice@example.com');
      expect(await limiter.consume('alice@example.com')).toEqual({ allowed: true, remaining: 1 });
      await limiter.reset('never-seen');
    });

    it('never shares counters between two rules, even for the same key', async () => {
      const factory = await makeFactory();
      const perIp = factory({ name: uniqueName('login-ip'), points: 1, durationSeconds: 60 });
      const perAccount = factory({ name: uniqueName('login-account'), points: 2, durationSeconds: 60 });

      expect((await perIp.consume('same-key')).allowed).toBe(true);
      expect((await perIp.consume('same-key')).allowed).toBe(false);
      expect(await perAccount.consume('same-key')).toEqual({ allowed: true, remaining: 1 });

      await perAccount.reset('same-key');
      expect((await perIp.consume('same-key')).allowed).toBe(false);
    });

    it('gives the same counters for the same rule name', async () => {
      const factory = await makeFactory();
      const rule = { name: uniqueName('shared'), points: 2, durationSeconds: 60 };
      await factory(rule).consume('k');
      expect(await factory({ ...rule }).consume('k')).toEqual({ allowed: true, remaining: 0 });
    });
  });
};
