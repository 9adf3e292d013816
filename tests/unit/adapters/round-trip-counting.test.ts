import { afterEach, describe, expect, it } from 'vitest';
import { InMemoryUserRepository } from '../../../src/adapters/memory/in-memory-user-repository.js';
import { countedPort } from '../../../src/adapters/metrics/counted-port.js';
import { PrometheusMetrics } from '../../../src/adapters/metrics/prometheus-metrics.js';
import { startApp, type RunningApp } from '../../../src/bootstrap/app.js';
import { countStoreCalls } from '../../../src/bootstrap/count-store-calls.js';
import { memoryInfrastructure } from '../../../src/bootstrap/memory-infrastructure.js';
import { testConfig } from '../../support/build-core.js';
import { sample } from '../../support/metric-sample.js';
import { RecordingLogger } from '../../support/recording-logger.js';

const storeCalls = (port: string, method: string) => `chat_store_port_calls_total{port="${port}",method="${method}"}`;

const user = (id: string, username: string) => ({
  id,
  username,
  usernameLower: username,
  email: `${username}@example.com`,
  passwordHash: 'hash',
  isActive: true,
  lastSeen: null,
  createdAt: new Date('2026-11-24T10:00:00Z'),
  updatedAt: new Date('2026-11-24T10:00:00Z'),
});

describe('round-trip counters', () => {
  it('render MongoDB commands, Redis round trips and store calls with their labels, as counters', async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    metrics.mongoCommand('insert', 'messages');
    metrics.mongoCommand('insert', 'messages');
    metrics.mongoCommand('ping', 'none');
    metrics.redisRoundTrip('command', 'PUBLISH');
    metrics.redisRoundTrip('batch', 'MULTI');
    const consume = metrics.storeCallCounter('rateLimiters.api', 'consume');
    consume();
    consume();
    metrics.storeCallCounter('rateLimiters.api', 'consume')();
    const text = await metrics.render();
    for (const name of ['chat_mongodb_commands_total', 'chat_redis_round_trips_total', 'chat_store_port_calls_total']) {
      expect(text).toContain(`# TYPE ${name} counter`);
    }
    expect(sample(text, 'chat_mongodb_commands_total{command="insert",collection="messages"}')).toBe(2);
    expect(sample(text, 'chat_mongodb_commands_total{command="ping",collection="none"}')).toBe(1);
    expect(sample(text, 'chat_redis_round_trips_total{kind="command",command="PUBLISH"}')).toBe(1);
    expect(sample(text, 'chat_redis_round_trips_total{kind="batch",command="MULTI"}')).toBe(1);
    expect(sample(text, storeCalls('rateLimiters.api', 'consume'))).toBe(3);
    // Scraped twice, a counter reports the same total, not twice it.
    expect(sample(await metrics.render(), storeCalls('rateLimiters.api', 'consume'))).toBe(3);
  });
});

describe('countedPort', () => {
  it('counts each call by method and answers as the port itself does', async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const users = countedPort('users', new InMemoryUserRepository(), metrics);
    await users.insert(user('u1', 'ada'));
    await users.insert(user('u2', 'grace'));
    expect((await users.findById('u1'))?.username).toBe('ada');
    expect(await users.findByIds(['u1', 'u2'])).toHaveLength(2);
    const text = await metrics.render();
    expect(sample(text, storeCalls('users', 'insert'))).toBe(2);
    expect(sample(text, storeCalls('users', 'findById'))).toBe(1);
    expect(sample(text, storeCalls('users', 'findByIds'))).toBe(1);
    // A method nobody called has no series yet (nor do the class's private helpers).
    expect(sample(text, storeCalls('users', 'count'))).toBeUndefined();
  });

  it('leaves calls a store makes to itself uncounted, and reads what is not a method through', async () => {
    class Store {
      readonly name = 'store';
      private readonly seen: string[] = [];
      async add(value: string): Promise<number> {
        this.seen.push(value);
        return this.size();
      }
      size(): number {
        return this.seen.length;
      }
    }
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const counted = countedPort('store', new Store(), metrics);
    expect(await counted.add('a')).toBe(1);
    expect(await counted.add('b')).toBe(2);
    expect(counted.name).toBe('store');
    expect(counted).toBeInstanceOf(Store);
    const text = await metrics.render();
    expect(sample(text, storeCalls('store', 'add'))).toBe(2);
    expect(sample(text, storeCalls('store', 'size'))).toBeUndefined();
  });

  it('counts every store of the embedded default, rate limiters by rule', async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const config = testConfig();
    const infrastructure = countStoreCalls(memoryInfrastructure(config, new RecordingLogger()), metrics);
    const limiter = infrastructure.rateLimiters({ name: 'api', points: 10, durationSeconds: 60 });
    await limiter.consume('ip');
    await infrastructure.rateLimiters({ name: 'api', points: 10, durationSeconds: 60 }).consume('ip');
    await infrastructure.presence.isOnline('u1', new Date());
    infrastructure.sessionRevocations.isEnded('s1');
    const text = await metrics.render();
    expect(sample(text, storeCalls('rateLimiters.api', 'consume'))).toBe(2);
    expect(sample(text, storeCalls('presence', 'isOnline'))).toBe(1);
    expect(sample(text, storeCalls('sessionRevocations', 'isEnded'))).toBe(1);
  });
});

describe('the composed embedded app', () => {
  let app: RunningApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('reports its store calls on /metrics', async () => {
    app = await startApp(testConfig({ PORT: '0', HOST: '127.0.0.1', ROLES: 'api' }));
    const registered = await fetch(`${app.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'counted', email: 'counted@example.com', password: 'a long password' }),
    });
    expect(registered.status).toBe(201);
    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(sample(text, storeCalls('users', 'insert'))).toBe(1);
    expect(sample(text, storeCalls('rateLimiters.api', 'consume'))).toBe(1);
  });
});
