import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisConnection } from '../../src/adapters/redis/redis-connection.js';
import { RedisHealthIndicator } from '../../src/adapters/redis/redis-health-indicator.js';
import { RedisPresenceStore } from '../../src/adapters/redis/redis-presence-store.js';
import { createRedisRateLimiterFactory } from '../../src/adapters/redis/redis-rate-limiter.js';
import type { RateLimiter } from '../../src/ports/rate-limiter.js';
import { redisLauncher } from '../support/services/redis.js';
import type { LocalServer } from '../support/services/service-launcher.js';
import { eventually } from '../support/eventually.js';

const unavailable = await redisLauncher.unavailableReason();
if (unavailable && process.env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1 but ${unavailable}`);
if (unavailable) console.warn(`[skipped] redis restart: ${unavailable}`);

const OUTAGE_MS = 6_000;

const elapsedMs = async (work: () => Promise<unknown>): Promise<number> => {
  const started = Date.now();
  await work();
  return Date.now() - started;
};

// One dedicated server: stopping the shared one would break suites running beside this one.
describe.skipIf(unavailable !== null)('Redis stopped and started again', () => {
  const now = new Date();
  let server: LocalServer;
  let connection: RedisConnection;
  let health: RedisHealthIndicator;
  let presence: RedisPresenceStore;
  let loginLimiter: RateLimiter;
  /** Queues commands while disconnected, as the Socket.IO fan-out clients do. */
  let queueing: RedisConnection;

  beforeAll(async () => {
    server = await redisLauncher.launch();
    connection = new RedisConnection({
      url: server.url,
      keyPrefix: `fault:${randomUUID()}:`,
      maxReconnectDelayMs: 200,
    });
    await connection.connect();
    health = new RedisHealthIndicator(connection, 500);
    presence = new RedisPresenceStore(connection);
    loginLimiter = createRedisRateLimiterFactory(connection)({ name: 'login', points: 2, durationSeconds: 60 });
    queueing = new RedisConnection({ url: server.url, offlineQueue: true, maxReconnectDelayMs: 200 });
    await queueing.connect();
  });

  afterAll(async () => {
    await queueing?.quit();
    await connection?.quit();
    await server?.stop();
  });

  it('works while Redis is up', async () => {
    await expect(health.check()).resolves.toBeUndefined();
    expect(await presence.admit('alice', 'a1', now, 20)).toBe('first');
    expect(await loginLimiter.consume('ip')).toEqual({ allowed: true, remaining: 1 });
  });

  it('fails fast while Redis is down: health rejects, presence calls reject, limits fall back to memory', async () => {
    await server.stop();
    await eventually(async () => expect(connection.client.isReady).toBe(false));

    expect(await elapsedMs(() => expect(health.check()).rejects.toThrow())).toBeLessThan(1_000);
    await expect(presence.admit('bob', 'b1', now, 20)).rejects.toThrow();
    await expect(presence.disconnect('alice', 'a1', now)).rejects.toThrow();
    await expect(presence.refresh([{ userId: 'alice', connectionId: 'a1' }], now)).rejects.toThrow();
    await expect(presence.isOnline('alice', now)).rejects.toThrow();
    await expect(presence.onlineAmong(['alice'], now)).rejects.toThrow();
    await expect(presence.countOnline(now)).rejects.toThrow();

    // The insurance limiter answers, and still limits.
    expect(await loginLimiter.consume('ip')).toEqual({ allowed: true, remaining: 1 });
    expect(await loginLimiter.consume('ip')).toEqual({ allowed: true, remaining: 0 });
    const refused = await loginLimiter.consume('ip');
    expect(refused.allowed).toBe(false);
    await expect(loginLimiter.reset('ip')).resolves.toBeUndefined();
    expect((await loginLimiter.consume('ip')).allowed).toBe(true);
  });

  it('quits while Redis is down without waiting for the commands queued for a reconnect', async () => {
    await eventually(async () => expect(queueing.client.isReady).toBe(false));
    // Never sent: the client stops reconnecting once it quits, failing it or leaving it pending (an app shutdown
    // used to hang here, waiting for its reply).
    queueing.client.publish('fault:channel', 'held for the reconnect').catch(() => undefined);
    await queueing.quit();
    expect(queueing.client.isOpen).toBe(false);
  });

  it('recovers by itself once Redis is back, with the same clients', async () => {
    await server.start();
    await eventually(() => health.check());

    // The server kept nothing (no persistence): the heartbeat's refresh brings alice back.
    expect(await presence.isOnline('alice', now)).toBe(false);
    await presence.refresh([{ userId: 'alice', connectionId: 'a1' }], now);
    expect(await presence.isOnline('alice', now)).toBe(true);
    // Scripts are loaded again on the new server.
    expect(await presence.admit('bob', 'b1', now, 20)).toBe('first');
    expect(await presence.countOnline(now)).toBe(2);
    expect(await presence.disconnect('alice', 'a1', now)).toBe(true);

    expect(await loginLimiter.consume('ip')).toEqual({ allowed: true, remaining: 1 });
    expect(await connection.client.get(`${connection.keyPrefix}ratelimit:login:ip`)).toBe('1');
  });

  it('sends a command queued for the reconnect after an outage longer than five seconds', async () => {
    const holding = new RedisConnection({ url: server.url, offlineQueue: true, maxReconnectDelayMs: 200 });
    const key = `fault:${randomUUID()}:held`;
    try {
      await holding.connect();
      await server.stop();
      await eventually(async () => expect(holding.client.isReady).toBe(false));
      let outcome = 'pending';
      const held = holding.client.set(key, 'sent after the outage').then(
        (reply) => (outcome = String(reply)),
        (error: unknown) => (outcome = `failed: ${(error as Error).message}`),
      );
      // The outage itself is what is tested: longer than node-redis 6's default command timeout (5 s).
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      expect(outcome).toBe('pending');
      await server.start();
      await held;
      expect(outcome).toBe('OK');
      expect(await holding.client.get(key)).toBe('sent after the outage');
    } finally {
      await holding.quit();
    }
  });
});
