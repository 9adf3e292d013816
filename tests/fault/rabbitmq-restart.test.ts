import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AmqpHealthIndicator } from '../../src/adapters/amqp/amqp-health-indicator.js';
import { AmqpMessageQueue } from '../../src/adapters/amqp/amqp-message-queue.js';
import { rabbitmqLauncher } from '../support/services/rabbitmq.js';
import type { LocalServer } from '../support/services/service-launcher.js';
import { silentLogger } from '../support/silent-logger.js';

const unavailable = await rabbitmqLauncher.unavailableReason();
if (unavailable && process.env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1 but ${unavailable}`);
if (unavailable) console.warn(`[skipped] rabbitmq restart: ${unavailable}`);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// One dedicated broker: stopping the shared one would break suites running beside this one.
describe.skipIf(unavailable !== null)('RabbitMQ stopped and started again', () => {
  let server: LocalServer;
  let queue: AmqpMessageQueue;
  let health: AmqpHealthIndicator;

  beforeAll(async () => {
    server = await rabbitmqLauncher.launch();
    queue = new AmqpMessageQueue({
      url: server.url,
      queue: `fault-restart-${randomBytes(4).toString('hex')}`,
      logger: silentLogger,
      prefetch: 8,
      backoffMs: 50,
      reconnectDelayMs: 200,
      publishTimeoutMs: 30_000,
    });
    health = new AmqpHealthIndicator(queue);
  });

  afterAll(async () => {
    await queue?.close();
    await server?.stop();
  });

  it('handles every confirmed message at least once across a restart mid-consumption, and heals itself', async () => {
    await vi.waitFor(() => health.check(), { timeout: 10_000, interval: 50 });
    const confirmed = Array.from({ length: 300 }, (_, i) => `before-${i}`);
    await Promise.all(confirmed.map((autoMessageId) => queue.publish({ autoMessageId })));

    const handled = new Map<string, number>();
    let brokerStopped!: () => void;
    const stopped = new Promise<void>((resolve) => (brokerStopped = resolve));
    await queue.consume(async ({ autoMessageId }) => {
      // Past the first 50, handlers wait for the stop: it lands mid-consumption however fast the consumer is.
      if (handled.size >= 50) await stopped;
      await sleep(10);
      handled.set(autoMessageId, (handled.get(autoMessageId) ?? 0) + 1);
    });
    await vi.waitFor(() => expect(handled.size).toBeGreaterThanOrEqual(50), { timeout: 10_000, interval: 10 });

    await server.stop();
    expect(handled.size).toBeLessThan(confirmed.length);
    brokerStopped();
    await vi.waitFor(() => expect(health.check()).rejects.toThrow(/down/), { timeout: 5_000, interval: 50 });
    // Published while the broker is down: held in the buffer, confirmed after the reconnect.
    const duringOutage = queue.publish({ autoMessageId: 'during-outage' });

    await server.start();
    await vi.waitFor(() => health.check(), { timeout: 15_000, interval: 50 });
    await duringOutage;
    const everything = [...confirmed, 'during-outage'];
    await vi.waitFor(() => expect(everything.filter((id) => !handled.has(id))).toEqual([]), {
      timeout: 30_000,
      interval: 50,
    });
    expect(await queue.deadLetters()).toEqual([]);
  });
});
