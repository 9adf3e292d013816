import { register as globalRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { PrometheusMetrics } from '../../../src/adapters/metrics/prometheus-metrics.js';
import type { CounterName } from '../../../src/ports/metrics.js';
import { sample } from '../../support/metric-sample.js';

const COUNTERS: readonly CounterName[] = [
  'auto_messages_planned',
  'auto_messages_queued',
  'auto_messages_sent',
  'auto_messages_retried',
  'auto_messages_dead_lettered',
  'messages_sent',
];

describe('PrometheusMetrics', () => {
  it('exposes every counter, at zero before any increment', async () => {
    const text = await new PrometheusMetrics({ defaultMetrics: false }).render();
    for (const name of COUNTERS) {
      expect(text).toContain(`# TYPE chat_${name}_total counter`);
      expect(sample(text, `chat_${name}_total`)).toBe(0);
    }
  });

  it('counts increments, by one or by more', async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    metrics.increment('messages_sent');
    metrics.increment('messages_sent');
    metrics.increment('auto_messages_planned', 5);
    const text = await metrics.render();
    expect(sample(text, 'chat_messages_sent_total')).toBe(2);
    expect(sample(text, 'chat_auto_messages_planned_total')).toBe(5);
    expect(sample(text, 'chat_auto_messages_sent_total')).toBe(0);
  });

  it('records http durations by method, route and status', async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    metrics.observeHttp('GET', '/api/conversations', 200, 0.02);
    metrics.observeHttp('GET', '/api/conversations', 200, 3);
    const text = await metrics.render();
    const labels = 'method="GET",route="/api/conversations",status="200"';
    expect(sample(text, `chat_http_request_duration_seconds_count{${labels}}`)).toBe(2);
    expect(sample(text, `chat_http_request_duration_seconds_sum{${labels}}`)).toBeCloseTo(3.02);
    expect(sample(text, `chat_http_request_duration_seconds_bucket{le="0.025",${labels}}`)).toBe(1);
  });

  it('reports the socket connections gauge', async () => {
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    metrics.setSocketConnections(3);
    metrics.setSocketConnections(2);
    expect(sample(await metrics.render(), 'chat_socket_connections')).toBe(2);
  });

  it('includes process metrics by default', async () => {
    const metrics = new PrometheusMetrics();
    const text = await metrics.render();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_heap_size_total_bytes');
    expect(metrics.contentType).toMatch(/^text\/plain/);
  });

  it('keeps instances apart and out of the global registry', async () => {
    const a = new PrometheusMetrics();
    const b = new PrometheusMetrics();
    a.increment('messages_sent', 4);
    expect(sample(await a.render(), 'chat_messages_sent_total')).toBe(4);
    expect(sample(await b.render(), 'chat_messages_sent_total')).toBe(0);
    expect(await globalRegistry.metrics()).not.toContain('chat_messages_sent_total');
  });
});
