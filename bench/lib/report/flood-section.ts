import type { FloodRun } from '../../scenarios/socket-flood.js';
import type { BenchResults } from '../results.js';
import { ms, n, ratio, table } from './figures.js';

/** Section 6: the event loop under one user's socket flood. */
export const floodSection = (r: BenchResults): string => {
  const s = r.settings.flood;
  const counts = (run: FloodRun): string =>
    [
      ...Object.entries(run.events.otherRefusals).map(([code, count]) => `${n(count)} ${code}`),
      ...(run.events.unanswered > 0 ? [`${n(run.events.unanswered)} unanswered`] : []),
    ].join(', ') || '0';
  return [
    '## 6. Event loop under a socket flood',
    '',
    `Another client polls \`GET /health/live\` every ${s.pollIntervalMs} ms from its own process (keep-alive, open ` +
      'loop: a slow answer does not delay the next probe; each probe is timed from its request to the last byte of ' +
      `the answer; no answer within ${s.probeTimeoutMs / 1000} s counts as failed). One user asks for ${s.sockets} ` +
      'sockets, one after another from a second process; a `connect_error` `too_many_connections` (the per-user ' +
      'cap) is counted and the flood goes on with the sockets that connected. Idle: those sockets stay open and ' +
      `silent for ${s.idleMs / 1000} s. Flood: every socket sends as fast as the server answers, ` +
      `${s.inFlightPerSocket} events unanswered at once, the next as each ack comes back, alternating ` +
      '`send_message` (to the one partner) and `typing_start` (in their conversation), all with an ack, for ' +
      `${s.floodMs / 1000} s, then waits up to ${s.drainMs / 1000} s for answers still out; the probes cover that ` +
      'whole window. An ack `{ok: false, error: {code: "RATE_LIMITED"}}` is a refusal by the event budget; the ' +
      "socket cap and event budget are the app's defaults (only the HTTP limits are raised for the benchmarks). The " +
      'baseline is the same app idle, in the same run: the ratio is flood p99 ÷ idle p99. "Flood process CPU" near ' +
      '100% would mean the flood, not the server, set the pace.',
    '',
    table(
      [
        'system',
        'idle p50',
        'idle p99',
        'idle max',
        'flood p50',
        'flood p99',
        'flood max',
        'p99 ratio',
        'probes idle / flood',
        'probes failed',
      ],
      r.flood.map((run) => [
        run.label,
        ms(run.idle.p50),
        ms(run.idle.p99),
        ms(run.idle.max),
        ms(run.flood.p50),
        ms(run.flood.p99),
        ms(run.flood.max),
        ratio(run.flood.p99, run.idle.p99),
        `${n(run.idle.probes)} / ${n(run.flood.probes)}`,
        run.idle.failed + run.flood.failed > 0
          ? `${n(run.idle.failed)} / ${n(run.flood.failed)} (${run.flood.firstFailure ?? run.idle.firstFailure})`
          : '0',
      ]),
    ),
    '',
    table(
      [
        'system',
        'sockets connected',
        'refused: too_many_connections',
        'events sent',
        'accepted',
        'RATE_LIMITED',
        'other',
        'answered/s',
        'server CPU',
        'flood process CPU',
      ],
      r.flood.map((run) => [
        run.label,
        `${n(run.connect.connected)} of ${n(run.connect.connected + run.connect.refused + run.connect.failed)}` +
          (run.connect.failed > 0 ? ` (${n(run.connect.failed)} failed: ${run.connect.firstError})` : '') +
          (run.events.disconnected > 0 ? `, ${n(run.events.disconnected)} dropped during the flood` : ''),
        n(run.connect.refused),
        n(run.events.sent),
        n(run.events.accepted),
        n(run.events.rateLimited),
        counts(run),
        n(run.answeredPerSecond),
        `${n(run.serverCpuPct)}%`,
        `${n(run.floodCpuPct)}%`,
      ]),
    ),
    '',
  ].join('\n');
};
