import type { BenchResults } from '../results.js';
import { n, secs, table } from './figures.js';

/** Section 4: the auto-message pipeline against raw amqplib. */
export const autoSection = (r: BenchResults): string => {
  const s = r.settings.auto;
  const rows = r.auto.runs.map((run) => [
    run.label,
    n(run.result.delivered) + (run.result.timedOut ? ` of ${n(run.result.items)} (timed out)` : ''),
    secs(run.result.planMs),
    secs(run.result.enqueueMs),
    secs(run.result.totalMs),
    n(run.itemsPerSecond),
    n(run.result.sentByStatus),
  ]);
  if (r.auto.baseline) {
    const b = r.auto.baseline.result;
    rows.push([
      'raw amqplib (baseline)',
      n(b.acked),
      '–',
      secs(b.publishMs),
      secs(b.totalMs),
      n(r.auto.baseline.itemsPerSecond),
      '–',
    ]);
  }
  return [
    '## 4. Auto-message pipeline',
    '',
    'One process with the worker role. Two active users per item are stored directly (not timed); then stage 1 ' +
      'plans one item per pair, the clock jumps a day so every item is due, stage 2 claims and publishes them ' +
      '(`enqueueDueAutoMessages`, back to back) while stage 3 (the worker) turns each into a message. The figure is ' +
      'items delivered per second from the start of planning to the last delivery. Baseline: raw amqplib on the same ' +
      'RabbitMQ, a durable quorum queue like ours, persistent messages published on a confirm channel, a consumer ' +
      'with the same prefetch (16) acking each.' +
      (r.services?.onFerretDb
        ? ` On the real services the repositories are FerretDB, a compatibility server and not a speed reference: ` +
          `each claim sorts the due items in FerretDB's own memory, so the real-services run is bounded to ` +
          `${n(s.itemsReal)} items (the embedded run and the baseline use ${n(s.items)}). A third run keeps the ` +
          "repositories in memory and queues through RabbitMQ, to show the broker's share at the full count."
        : ''),
    '',
    table(['system', 'items delivered', 'plan', 'enqueue', 'total', 'items/s', 'marked sent'], rows),
    r.auto.baselineSkipped ? `\nNo amqplib baseline: ${r.auto.baselineSkipped}.` : '',
    '',
  ].join('\n');
};
