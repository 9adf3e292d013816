import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisConnection } from '../../src/adapters/redis/redis-connection.js';
import { RedisHealthIndicator } from '../../src/adapters/redis/redis-health-indicator.js';
import { RedisPresenceStore } from '../../src/adapters/redis/redis-presence-store.js';
import { createRedisRateLimiterFactory } from '../../src/adapters/redis/redis-rate-limiter.js';
import { useService } from '../support/services/use-service.js';

/**
 * A TCP relay to Redis that can hold back the server's replies, like a stalled
 * server or a partition: the connection stays open and nothing comes back.
 */
const stallableRelay = async (target: URL) => {
  let stalled = false;
  const held: Array<() => void> = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => (stalled ? held.push(() => client.write(chunk)) : client.write(chunk)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `redis://127.0.0.1:${address.port}`,
    stall: () => {
      stalled = true;
    },
    resume: () => {
      stalled = false;
      for (const write of held.splice(0)) write();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};

const elapsedMs = async (work: () => Promise<unknown>): Promise<number> => {
  const started = Date.now();
  await work();
  return Date.now() - started;
};

const redis = useService('redis');

describe.skipIf(redis.skip)('Redis that stops answering', () => {
  const now = new Date();
  let relay: Awaited<ReturnType<typeof stallableRelay>>;
  let connection: RedisConnection;

  beforeAll(async () => {
    relay = await stallableRelay(new URL(redis.url ?? ''));
    connection = new RedisConnection({ url: relay.url, keyPrefix: `stall:${randomUUID()}:`, commandTimeoutMs: 300 });
    await connection.connect();
  });

  afterAll(async () => {
    relay?.resume();
    if (connection) {
      for await (const keys of connection.client.scanIterator({ MATCH: `${connection.keyPrefix}*` })) {
        if (keys.length > 0) await connection.client.del(keys);
      }
      await connection.quit();
    }
    await relay?.close();
  });

  it('times out instead of hanging, degrades limits, and carries on when replies come back', async () => {
    const health = new RedisHealthIndicator(connection, 300);
    const presence = new RedisPresenceStore(connection);
    const limiter = createRedisRateLimiterFactory(connection)({ name: 'send', points: 5, durationSeconds: 60 });
    expect(await presence.admit('alice', 'a1', now, 20)).toBe('first');
    expect(await limiter.consume('alice')).toEqual({ allowed: true, remaining: 4 });

    relay.stall();
    expect(await elapsedMs(() => expect(health.check()).rejects.toThrow(/no reply/))).toBeLessThan(1_000);
    expect(await elapsedMs(() => expect(presence.isOnline('alice', now)).rejects.toThrow(/no reply/))).toBeLessThan(
      1_000,
    );
    await expect(presence.admit('bob', 'b1', now, 20)).rejects.toThrow(/no reply/);
    let decision;
    expect(await elapsedMs(async () => (decision = await limiter.consume('alice')))).toBeLessThan(1_000);
    expect(decision).toMatchObject({ allowed: true });

    relay.resume();
    await expect(health.check()).resolves.toBeUndefined();
    expect(await presence.isOnline('alice', now)).toBe(true);
    // The timed-out connect of bob reached Redis all the same: a timeout is an unknown outcome, not a rollback.
    expect(await presence.countOnline(now)).toBe(2);
  });
});
