import { describe, expect, it } from 'vitest';
import { ControllableClock } from '../../../src/adapters/clock/controllable-clock.js';
import { PrometheusMetrics } from '../../../src/adapters/metrics/prometheus-metrics.js';
import type { ScrapedSources } from '../../../src/adapters/metrics/scraped-gauges.js';
import { countStoreCalls } from '../../../src/bootstrap/count-store-calls.js';
import { memoryInfrastructure } from '../../../src/bootstrap/memory-infrastructure.js';
import type { AutoMessageStatus } from '../../../src/domain/auto-message.js';
import { testConfig } from '../../support/build-core.js';
import { sample } from '../../support/metric-sample.js';
import { RecordingLogger } from '../../support/recording-logger.js';

const NOW = '2026-11-24T10:00:00.000Z';

const byStatus = (counts: Partial<Record<AutoMessageStatus, number>>) => async () => ({
  planned: 0,
  queued: 0,
  sent: 0,
  dead: 0,
  ...counts,
});

/** The embedded default's stores, counted as the composed app counts them, and the gauges reading them. */
const embedded = () => {
  const metrics = new PrometheusMetrics({ defaultMetrics: false });
  const infrastructure = countStoreCalls(memoryInfrastructure(testConfig(), new RecordingLogger()), metrics);
  const clock = new ControllableClock(NOW);
  const { presence, queue, autoMessages } = infrastructure;
  return { metrics, infrastructure, clock, sources: { presence, queue, autoMessages, clock } };
};

/** A read that answers only when told to. */
const held = <T>() => {
  let calls = 0;
  let settle: { resolve(value: T): void; reject(error: Error): void } | undefined;
  const read = () => {
    calls += 1;
    return new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  };
  return { read, calls: () => calls, settle: () => settle! };
};

describe('gauges read at each scrape', () => {
  it('report online users, the queue by state and auto-message items by status, each source up', async () => {
    const { metrics, infrastructure, clock, sources } = embedded();
    const now = clock.now();
    await infrastructure.presence.admit('u1', 'tab-1', now, 20);
    await infrastructure.presence.admit('u1', 'tab-2', now, 20);
    await infrastructure.presence.admit('u2', 'phone', now, 20);
    await infrastructure.queue.publish({ autoMessageId: 'a1' });
    await infrastructure.queue.publish({ autoMessageId: 'a2' });
    metrics.readOnScrape({ ...sources, autoMessages: { countByStatus: byStatus({ planned: 3, sent: 7 }) } });

    const text = await metrics.render();
    expect(text).toContain('# TYPE chat_online_users gauge');
    expect(sample(text, 'chat_online_users')).toBe(2);
    expect(sample(text, 'chat_auto_queue_depth{state="ready"}')).toBe(2);
    expect(sample(text, 'chat_auto_queue_depth{state="retrying"}')).toBe(0);
    expect(sample(text, 'chat_auto_queue_depth{state="dead"}')).toBe(0);
    expect(sample(text, 'chat_auto_message_items{status="planned"}')).toBe(3);
    expect(sample(text, 'chat_auto_message_items{status="sent"}')).toBe(7);
    for (const source of ['presence', 'queue', 'auto_messages']) {
      expect(sample(text, `chat_metrics_source_up{source="${source}"}`)).toBe(1);
    }

    // A lease that ran out no longer counts, at the next scrape.
    clock.advance(testConfig().PRESENCE_LEASE_SECONDS * 1000 + 1);
    await infrastructure.presence.refresh([{ userId: 'u2', connectionId: 'phone' }], clock.now());
    expect(sample(await metrics.render(), 'chat_online_users')).toBe(1);
    await infrastructure.queue.close();
  });

  it('leave what they report unmoved: their own store calls are not counted', async () => {
    const { metrics, infrastructure, sources } = embedded();
    metrics.readOnScrape(sources);
    await infrastructure.presence.isOnline('u1', new Date(NOW));
    const first = await metrics.render();
    const second = await metrics.render();
    const storeCalls = (text: string) => text.split('\n').filter((l) => l.startsWith('chat_store_port_calls_total{'));
    expect(storeCalls(first)).toEqual(['chat_store_port_calls_total{port="presence",method="isOnline"} 1']);
    expect(storeCalls(second)).toEqual(storeCalls(first));
    expect(sample(second, 'chat_metrics_source_up{source="presence"}')).toBe(1);
    await infrastructure.queue.close();
  });

  it('give up on a source that does not answer in time: gauge absent, source down, /metrics answered', async () => {
    const { metrics, sources } = embedded();
    const presence = held<number>();
    metrics.readOnScrape({ ...sources, presence: { countOnline: presence.read } } as ScrapedSources, 50);

    const text = await metrics.render();
    expect(sample(text, 'chat_online_users')).toBeUndefined();
    expect(text).toContain('# TYPE chat_online_users gauge');
    expect(sample(text, 'chat_metrics_source_up{source="presence"}')).toBe(0);
    expect(sample(text, 'chat_metrics_source_up{source="queue"}')).toBe(1);

    // A read still running is joined, not repeated: a hung service never gathers a pile of them.
    await metrics.render();
    const joining = metrics.render();
    presence.settle().resolve(4);
    expect(sample(await joining, 'chat_online_users')).toBe(4);
    expect(presence.calls()).toBe(1);
    // Once answered, the next scrape reads again.
    void metrics.render();
    expect(presence.calls()).toBe(2);
  });

  it('report a failed read as the source down until a read succeeds again', async () => {
    const { metrics, sources } = embedded();
    let failing = true;
    const autoMessages = {
      countByStatus: async () => {
        if (failing) throw new Error('connection refused');
        return byStatus({ dead: 2 })();
      },
    };
    metrics.readOnScrape({ ...sources, autoMessages });

    const down = await metrics.render();
    expect(sample(down, 'chat_auto_message_items{status="dead"}')).toBeUndefined();
    expect(sample(down, 'chat_metrics_source_up{source="auto_messages"}')).toBe(0);

    failing = false;
    const up = await metrics.render();
    expect(sample(up, 'chat_auto_message_items{status="dead"}')).toBe(2);
    expect(sample(up, 'chat_metrics_source_up{source="auto_messages"}')).toBe(1);
  });
});
