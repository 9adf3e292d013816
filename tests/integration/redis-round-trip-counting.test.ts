import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { PrometheusMetrics } from '../../src/adapters/metrics/prometheus-metrics.js';
import type { RedisConnection } from '../../src/adapters/redis/redis-connection.js';
import { createRedisRateLimiterFactory } from '../../src/adapters/redis/redis-rate-limiter.js';
import { connectSocketIoRedisFanOut } from '../../src/adapters/redis/socket-io-redis-fan-out.js';
import { eventually } from '../support/eventually.js';
import { sample } from '../support/metric-sample.js';
import { RecordingLogger } from '../support/recording-logger.js';
import { redisTestConnections } from '../support/redis-test-connections.js';
import { useService } from '../support/services/use-service.js';

const redis = useService('redis');
const cleanUps: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

const openConnection = redisTestConnections(redis);
const connect = (metrics: PrometheusMetrics): Promise<RedisConnection> => openConnection({ roundTrips: metrics });

const roundTrips = async (metrics: PrometheusMetrics, kind: 'command' | 'batch', command: string) =>
  sample(await metrics.render(), `chat_redis_round_trips_total{kind="${kind}",command="${command}"}`) ?? 0;

describe.skipIf(redis.skip)('Redis round-trip counting', () => {
  it('counts a command as one round trip, and a MULTI or a pipeline of several commands as one', async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const { client, keyPrefix } = await connect(metrics);
    await client.set(`${keyPrefix}a`, '1');
    await client.get(`${keyPrefix}a`);
    await client.multi().incr(`${keyPrefix}a`).pExpire(`${keyPrefix}a`, 60_000).exec();
    await client.multi().get(`${keyPrefix}a`).pTTL(`${keyPrefix}a`).execAsPipeline();
    expect(await roundTrips(metrics, 'command', 'SET')).toBe(1);
    expect(await roundTrips(metrics, 'command', 'GET')).toBe(1);
    expect(await roundTrips(metrics, 'batch', 'MULTI')).toBe(1);
    expect(await roundTrips(metrics, 'batch', 'PIPELINE')).toBe(1);
    // The commands inside the batches travelled with them.
    expect(await roundTrips(metrics, 'command', 'INCR')).toBe(0);
    expect(await roundTrips(metrics, 'command', 'PTTL')).toBe(0);
  });

  it("counts each client in its own app's meter, and stops when the connection quits", async () => {
    const mine = new PrometheusMetrics({ defaultMetrics: false });
    const theirs = new PrometheusMetrics({ defaultMetrics: false });
    const connection = await connect(mine);
    const other = await connect(theirs);
    await connection.client.ping();
    await other.client.ping();
    await other.client.ping();
    expect(await roundTrips(mine, 'command', 'PING')).toBe(1);
    expect(await roundTrips(theirs, 'command', 'PING')).toBe(2);
    await other.quit();
    await connection.client.ping();
    expect(await roundTrips(mine, 'command', 'PING')).toBe(2);
    expect(await roundTrips(theirs, 'command', 'PING')).toBe(2);
  });

  it("sees the rate limiter's commands", async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const limiter = createRedisRateLimiterFactory(await connect(metrics))({
      name: 'api',
      points: 10,
      durationSeconds: 60,
    });
    await limiter.consume('ip');
    await limiter.consume('ip');
    await limiter.reset('ip');
    const text = await metrics.render();
    const total = text
      .split('\n')
      .filter((line) => line.startsWith('chat_redis_round_trips_total{'))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
    expect(total).toBe(3);
  });

  it("sees the Socket.IO adapter's PUBLISH of a broadcast", async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const fanOut = await connectSocketIoRedisFanOut(
      redis.url ?? '',
      `test:${randomUUID()}:`,
      new RecordingLogger(),
      metrics,
    );
    cleanUps.push(() => fanOut.close());
    const io = new Server();
    io.adapter(fanOut.adapter);
    cleanUps.push(async () => io.of('/').adapter.close());
    const before = await roundTrips(metrics, 'command', 'PUBLISH');
    io.to('room').emit('hello', 1);
    io.to('room').emit('hello', 2);
    await eventually(async () => expect(await roundTrips(metrics, 'command', 'PUBLISH')).toBe(before + 2));
  });
});
