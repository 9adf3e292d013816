import type { BenchResults } from '../results.js';
import { acMs, n, table, us } from './figures.js';

const roundTripsPerRequest = (run: BenchResults['rest'][number]): string => {
  const counts = run.roundTripsPerRequest;
  if (!counts) return '–';
  const parts = [
    ...(counts.mongo > 0 ? [`MongoDB ${n(counts.mongo, 1)}`] : []),
    ...(counts.redis > 0 ? [`Redis ${n(counts.redis, 1)}`] : []),
    ...(counts.store > 0 ? [`store ${n(counts.store, 1)}`] : []),
  ];
  return parts.join(', ') || '0';
};

/** Section 2: REST send against the bare Koa baselines. */
export const restSection = (r: BenchResults): string => {
  const s = r.settings.rest;
  return [
    '## 2. REST send',
    '',
    `autocannon (its own process), ${s.connections} connections, ${s.durationSeconds} s after a ${s.warmupSeconds} s ` +
      `warm-up, each connection cycling through ${s.pairs} sender/receiver pairs: \`POST /api/messages/send\` with a ` +
      'bearer token and `{receiverId, content}`. Ours runs the whole middleware stack (request id, log line, helmet, ' +
      'CORS, per-IP rate limit, JSON body, auth, validation, storage, socket notifications). Baselines: a bare Koa app ' +
      'with koa-body and one route answering JSON; and the same app behind the helmet and CORS middleware the app ' +
      'mounts, built by the same function (`src/adapters/http/security-headers.ts`), so the second ratio leaves out ' +
      'what any Koa app sending these headers pays.',
    '',
    table(
      [
        'system',
        'req/s',
        'p50',
        'p90',
        'p99',
        'max',
        'non-2xx',
        'errors',
        'server CPU',
        'CPU/request',
        'round trips/request',
      ],
      r.rest.map((run) => [
        run.label,
        n(run.result.requestsPerSecond),
        acMs(run.result.latencyMs.p50),
        acMs(run.result.latencyMs.p90),
        acMs(run.result.latencyMs.p99),
        acMs(run.result.latencyMs.max),
        n(run.result.non2xx),
        n(run.result.errors),
        `${n(run.serverCpuPct)}%`,
        us(run.serverCpuPerRequestUs),
        roundTripsPerRequest(run),
      ]),
    ),
    '',
    "Round trips per request: the app's counters (section 7) over the measured run, divided by the requests " +
      'answered in it (requests still in flight at either end count in, so a slow system reads high). On FerretDB ' +
      'the senders of one conversation race for its next position and retry, so a request there costs more than ' +
      'one at a time in section 7.',
    '',
  ].join('\n');
};
