import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControllableClock } from '../../src/adapters/clock/controllable-clock.js';
import { startApp, type RunningApp } from '../../src/bootstrap/app.js';
import { testConfig } from '../support/build-core.js';
import { rabbitmqLauncher } from '../support/services/rabbitmq.js';
import { redisLauncher } from '../support/services/redis.js';
import type { LocalServer } from '../support/services/service-launcher.js';
import { useService } from '../support/services/use-service.js';
import { eventually } from '../support/eventually.js';

const mongo = useService('mongo');
const reasons = (await Promise.all([redisLauncher.unavailableReason(), rabbitmqLauncher.unavailableReason()])).filter(
  (reason): reason is string => reason !== null,
);
if (reasons.length > 0 && process.env.REQUIRE_SERVICES === '1')
  throw new Error(`REQUIRE_SERVICES=1 but ${reasons.join('; ')}`);
if (reasons.length > 0) console.warn(`[skipped] app service outage: ${reasons.join('; ')}`);

const DAY_MS = 24 * 60 * 60 * 1000;

// Dedicated Redis and RabbitMQ servers, since this test stops them; Mongo is the shared one.
describe.skipIf(mongo.skip || reasons.length > 0)('the app while Redis or RabbitMQ restarts', () => {
  let redis: LocalServer;
  let rabbit: LocalServer;
  let app: RunningApp;
  const clock = new ControllableClock();
  const suffix = randomBytes(4).toString('hex');

  const ready = async () => (await fetch(`${app.url}/health/ready`)).status;
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { data: Record<string, any> } };
  };
  const register = async (name: string) =>
    (
      await post('/api/auth/register', {
        username: `${name}_${suffix}`,
        email: `${name}_${suffix}@example.com`,
        password: 'password123',
      })
    ).body.data as { user: { id: string }; accessToken: string };

  beforeAll(async () => {
    [redis, rabbit] = await Promise.all([redisLauncher.launch(), rabbitmqLauncher.launch()]);
    app = await startApp(
      testConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        ROLES: 'api,worker',
        MONGODB_URI: mongo.url!,
        MONGODB_DB: `outage_${suffix}`,
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: `outage:${suffix}:`,
        RABBITMQ_URL: rabbit.url,
        RABBITMQ_QUEUE: `outage.${suffix}`,
        AUTO_RETRY_BASE_MS: '100',
      }),
      { clock },
    );
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await Promise.allSettled([redis?.stop(), rabbit?.stop()]);
  });

  it('becomes ready once every service is connected', async () => {
    await eventually(async () => expect(await ready()).toBe(200));
  });

  it('reports not-ready while RabbitMQ is down, recovers by itself, and delivers every confirmed item once', async () => {
    const users = await Promise.all(['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].map(register));
    const plan = await app.useCases.planAutoMessages.execute();
    expect(plan.pairs).toBeGreaterThanOrEqual(3);
    clock.advance(DAY_MS);

    await rabbit.stop();
    await eventually(async () => expect(await ready()).toBe(503));
    // Published while the broker is away: confirmed only once it is back.
    const enqueued = app.useCases.enqueueDueAutoMessages.execute();
    // Every item claimed means every publish was made while the broker was still down.
    await eventually(async () =>
      expect((await app.infrastructure.autoMessages.countByStatus()).queued).toBe(plan.pairs),
    );
    await rabbit.start();
    expect((await enqueued).queued).toBe(plan.pairs);
    await eventually(async () => expect(await ready()).toBe(200), 60_000);

    const items = await app.infrastructure.autoMessages.listByPlanDay(plan.day);
    await eventually(async () => {
      const counts = await app.infrastructure.autoMessages.countByStatus();
      expect(counts.sent).toBe(items.length);
    }, 60_000);
    for (const item of items) {
      const message = await app.infrastructure.messages.findByAutoMessageId(item.id);
      expect(message?.messageType).toBe('auto');
      const history = await app.infrastructure.messages.history(message!.conversationId, { limit: 10 });
      expect(history.messages.filter((m) => m.autoMessageId === item.id)).toHaveLength(1);
    }
    expect(users).toHaveLength(6);
  }, 120_000);

  it('reports not-ready while Redis is down and recovers by itself; REST keeps working from Mongo', async () => {
    const [alice, bob] = await Promise.all([register('r1'), register('r2')]);
    await redis.stop();
    await eventually(async () => expect(await ready()).toBe(503));
    const readiness = (await (await fetch(`${app.url}/health/ready`)).json()) as { message: string };
    expect(readiness.message).toContain('redis');
    // Presence lives in Redis: a request that needs it is refused whole, with the envelope.
    const list = await fetch(`${app.url}/api/user/list`, {
      headers: { authorization: `Bearer ${alice!.accessToken}` },
    });
    expect(list.status).toBe(503);
    expect(await list.json()).toMatchObject({ success: false, code: 'SERVICE_UNAVAILABLE' });

    await redis.start();
    await eventually(async () => expect(await ready()).toBe(200));
    const sent = await post(
      '/api/messages/send',
      { receiverId: bob!.user.id, content: 'after the outage' },
      alice!.accessToken,
    );
    expect(sent.status).toBe(201);
  }, 120_000);
});
