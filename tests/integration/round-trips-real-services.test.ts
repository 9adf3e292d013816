import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useRealServices } from '../e2e/support/start-on-real-services.js';
import type { E2eApp } from '../e2e/support/start-e2e-app.js';
import { registerUser } from '../e2e/support/register-user.js';
import { eventually } from '../support/eventually.js';
import { sample } from '../support/metric-sample.js';

const services = useRealServices();

/** Every series of one counter, summed. */
const total = (text: string, name: string): number =>
  text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);

describe.skipIf(services.skip)('round trips of the composed app on real services', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await services.start();
  });
  afterAll(() => app?.stop());

  it('counts the MongoDB commands and Redis round trips of a REST send, the fan-out PUBLISH among them', async () => {
    const [sender, receiver] = [await registerUser(app, 'counted_s'), await registerUser(app, 'counted_r')];
    const metrics = async () => (await app.api('GET', '/metrics')).text;
    const before = await metrics();
    const sent = await app.api('POST', '/api/messages/send', {
      token: sender.accessToken,
      body: { receiverId: receiver.id, content: 'counted' },
    });
    expect(sent.status).toBe(201);
    await eventually(async () => {
      const after = await metrics();
      const inserted = 'chat_mongodb_commands_total{command="insert",collection="messages"}';
      expect((sample(after, inserted) ?? 0) - (sample(before, inserted) ?? 0)).toBe(1);
      const publish = 'chat_redis_round_trips_total{kind="command",command="PUBLISH"}';
      expect(sample(after, publish) ?? 0).toBeGreaterThan(sample(before, publish) ?? 0);
      // The /api rate limit is one Redis round trip of every request.
      expect(total(after, 'chat_redis_round_trips_total')).toBeGreaterThan(
        total(before, 'chat_redis_round_trips_total'),
      );
    });
    // Every store is a real service here: nothing counts as an in-memory store call.
    expect(total(await metrics(), 'chat_store_port_calls_total')).toBe(0);
  });

  it("leaves out what a scrape's own gauges ask of MongoDB and Redis", async () => {
    const scrape = async () => (await app.api('GET', '/metrics')).text;
    const reads = [
      'chat_redis_round_trips_total{kind="command",command="ZCOUNT"}',
      'chat_mongodb_commands_total{command="aggregate",collection="auto_messages"}',
    ];
    const before = await scrape();
    for (let i = 0; i < 3; i++) {
      const text = await scrape();
      expect(sample(text, 'chat_metrics_source_up{source="presence"}')).toBe(1);
      expect(sample(text, 'chat_metrics_source_up{source="auto_messages"}')).toBe(1);
      for (const series of reads) expect(sample(text, series), series).toBe(sample(before, series));
    }
  });
});
