import type { BenchResults } from '../results.js';
import { ms, n, table, us } from './figures.js';

/** Section 1: the message relay, step by step, with the charts. */
export const relaySection = (r: BenchResults, charts: { latency: string; throughput: string }): string => {
  const s = r.settings.relay;
  const parts = [
    '## 1. Message relay, end to end',
    '',
    `${s.pairs} sender/receiver socket pairs (${s.slowPairs} when the repositories are FerretDB), split over ` +
      `${s.loadProcesses} load-generator processes, send at a fixed offered rate (open loop: each message is timed ` +
      'from the moment it was due, so a stalled sender cannot hide latency). Every pair first sends one message that ' +
      `is not measured (conversations exist, code is warm). Each step then warms up for ${s.warmupMs / 1000} s, ` +
      `measures ${s.measureMs / 1000} s and waits up to ${s.drainMs / 1000} s for messages still travelling. A step ` +
      `holds while at least ${s.minDeliveredRatio * 100}% arrive and p99 stays at or under ${s.p99LimitMs} ms; the ` +
      `rate steps up from ${n(s.startRate)} msg/s (${n(s.rates[0])} msg/s on FerretDB) until one does not. Ours: ` +
      '`send_message` with an ack, stored, then `message_received` (acknowledged by the receiver, which makes a ' +
      'delivery receipt), `new_message_notification`, `message_sent` and `message_delivered`: 5 WebSocket frames out ' +
      'and 2 in per message. Baseline: a bare Socket.IO server that relays one event into a room, 1 frame out and 1 ' +
      'in: no auth, no storage, no acknowledgement. Our per-socket limit is 20 events/s, so our offered rate stops at ' +
      `18 msg/s per pair. "Busiest load process" near 100% would mean the load, not the server, set the pace.`,
    '',
    `![latency against offered load](${charts.latency})`,
    '',
    `![delivered against offered](${charts.throughput})`,
    '',
  ];
  for (const run of r.relay) {
    parts.push(
      `**${run.label}**: ${run.broke ? '' : 'never broke; '}${run.stopReason}.`,
      '',
      table(
        [
          'offered msg/s',
          'delivered msg/s',
          'p50',
          'p95',
          'p99',
          'max',
          'server CPU',
          'CPU/msg',
          'busiest load process',
          'held',
        ],
        run.steps.map((step) => [
          n(step.offered),
          n(step.delivered),
          ms(step.p50),
          ms(step.p95),
          ms(step.p99),
          ms(step.max),
          `${n(step.serverCpuPct)}%`,
          us(step.serverCpuPerMessageUs),
          `${n(step.loadCpuPct)}%`,
          step.held ? 'yes' : `no: ${step.reason}`,
        ]),
      ),
      '',
    );
  }
  return parts.join('\n');
};
