import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RelayRun } from '../scenarios/relay.js';
import type { RestRun } from '../scenarios/rest-send.js';
import type { FloodRun } from '../scenarios/socket-flood.js';
import type { BenchResults } from './results.js';
import { roundTripSection, roundTripTargets } from './round-trips-report.js';
import { lineChart, type ChartSeries } from './svg-chart.js';

const FINDINGS = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'findings.md');

const COLORS: Record<RelayRun['system'], string> = {
  bare: '#1f77b4',
  embedded: '#ff7f0e',
  'memory-repos': '#d62728',
  real: '#2ca02c',
  rabbitmq: '#9467bd',
};
const NAMES: Record<RelayRun['system'], string> = {
  bare: 'bare relay',
  embedded: 'ours, embedded',
  'memory-repos': 'ours, Redis+RabbitMQ',
  real: 'ours, real svc (floor)',
  rabbitmq: 'ours, RabbitMQ only',
};

const n = (value: number | undefined, digits = 0): string =>
  value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? '–' : value < 10 ? `${n(value, 1)} ms` : `${n(value)} ms`;
/** autocannon reports whole milliseconds: 0 means under one. */
const acMs = (value: number | undefined): string => (value === 0 ? '< 1 ms' : ms(value));
const mib = (bytes: number | undefined): string => (bytes === undefined ? '–' : `${n(bytes / 2 ** 20)} MiB`);
const kib = (bytes: number | undefined): string => (bytes === undefined ? '–' : `${n(bytes / 1024, 1)} KiB`);
const ratio = (ours: number | undefined, base: number | undefined): string =>
  ours === undefined || base === undefined || !Number.isFinite(ours) || !Number.isFinite(base) || base === 0
    ? '–'
    : ours / base < 0.1
      ? Number((ours / base).toPrecision(2)).toString()
      : (ours / base).toFixed(2);

/** The step nearest to `rate` that was run, when it is within 10 %. */
const stepAt = (run: RelayRun | undefined, rate: number) =>
  run?.steps.find((step) => Math.abs(step.offered - rate) <= rate * 0.1);

const relayCharts = (results: BenchResults): { latency: string; throughput: string } => {
  const dashes = { p50: '2 3', p95: '7 4', p99: undefined } as const;
  const latencySeries: ChartSeries[] = results.relay.flatMap((run) =>
    (['p50', 'p95', 'p99'] as const).map((p) => ({
      name: `${NAMES[run.system]} ${p}`,
      color: COLORS[run.system],
      ...(dashes[p] ? { dash: dashes[p] } : {}),
      points: run.steps.map((step) => ({ x: step.offered, y: step[p], broken: !step.held })),
    })),
  );
  const subtitle = `${results.machine.cores} cores, ${results.machine.cpuModel}; ${results.relay[0]?.pairs ?? '?'} socket pairs, ${results.settings.relay.loadProcesses} load processes; ${results.mode} run ${results.startedAt.slice(0, 10)}`;
  const latency = lineChart({
    title: 'Scenario 1: sender-to-receiver latency against offered load',
    subtitle,
    xLabel: 'offered load (messages per second, log scale)',
    yLabel: 'latency (ms, log scale)',
    xScale: 'log',
    yScale: 'log',
    series: latencySeries,
    references: [
      { axis: 'y', value: 50, label: 'target: p99 < 50 ms at 2,000 msg/s' },
      { axis: 'x', value: 2000, label: '2,000 msg/s' },
    ],
  });
  const throughput = lineChart({
    title: 'Scenario 1: delivered against offered messages per second',
    subtitle,
    xLabel: 'offered load (messages per second, log scale)',
    yLabel: 'delivered (messages per second, log scale)',
    xScale: 'log',
    yScale: 'log',
    diagonal: true,
    series: results.relay.map((run) => ({
      name: NAMES[run.system],
      color: COLORS[run.system],
      points: run.steps.map((step) => ({ x: step.offered, y: step.delivered, broken: !step.held })),
    })),
  });
  return { latency, throughput };
};

const table = (header: string[], rows: string[][]): string =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

/** The cells of the Redis + RabbitMQ column in a row of a scenario that does not run there. */
const NOT_RUN = ['–', '–'] as const;

const summary = (r: BenchResults): string => {
  const bare = r.relay.find((x) => x.system === 'bare');
  const emb = r.relay.find((x) => x.system === 'embedded');
  const real = r.relay.find((x) => x.system === 'real');
  const mem = r.relay.find((x) => x.system === 'memory-repos');
  const restMem = r.rest.find((x) => x.system === 'memory-repos');
  const connMem = r.connections.find((x) => x.system === 'memory-repos');
  const restBare = r.rest.find((x) => x.system === 'bare');
  const restHeaders = r.rest.find((x) => x.system === 'bare-headers');
  const restEmb = r.rest.find((x) => x.system === 'embedded');
  const restReal = r.rest.find((x) => x.system === 'real');
  const connBare = r.connections.find((x) => x.system === 'bare');
  const connEmb = r.connections.find((x) => x.system === 'embedded');
  const connReal = r.connections.find((x) => x.system === 'real');
  const autoEmb = r.auto.runs.find((x) => x.system === 'embedded');
  const autoReal = r.auto.runs.find((x) => x.system === 'real');
  const autoRabbit = r.auto.runs.find((x) => x.system === 'rabbitmq');
  const floodEmb = r.flood.find((x) => x.system === 'embedded');
  const floodReal = r.flood.find((x) => x.system === 'real');
  const loginEmb = r.auth.logins.find((x) => x.system === 'embedded');
  const loginReal = r.auth.logins.find((x) => x.system === 'real');
  const base = r.auth.baselines;
  const sustained = (run: RelayRun | undefined) => (run ? `${run.broke ? '' : '≥ '}${n(run.sustained)}` : '–');
  /** A ratio of figures of which one is only a lower bound (that system never broke) is marked. */
  const relayRatio = (ours: RelayRun | undefined) => {
    const value = ratio(ours?.sustained, bare?.sustained);
    return value !== '–' && (!ours?.broke || !bare?.broke) ? `${value} *` : value;
  };
  const p99At = (run: RelayRun | undefined) => ms(stepAt(run, 2000)?.p99);
  /** Ours (embedded and real services) as ratios to one of the two REST baselines. */
  const restRate = (figure: string, baseline: RestRun | undefined): string[] => [
    '2 REST send',
    figure,
    n(baseline?.result.requestsPerSecond),
    n(restEmb?.result.requestsPerSecond),
    ratio(restEmb?.result.requestsPerSecond, baseline?.result.requestsPerSecond),
    n(restMem?.result.requestsPerSecond),
    ratio(restMem?.result.requestsPerSecond, baseline?.result.requestsPerSecond),
    n(restReal?.result.requestsPerSecond),
    ratio(restReal?.result.requestsPerSecond, baseline?.result.requestsPerSecond),
  ];
  const rows: string[][] = [
    [
      '1 relay',
      'delivered msg/s, highest step holding p99 ≤ 100 ms (↑)',
      sustained(bare),
      sustained(emb),
      relayRatio(emb),
      sustained(mem),
      relayRatio(mem),
      sustained(real),
      relayRatio(real),
    ],
    [
      '1 relay',
      'p99 latency at 2,000 msg/s offered (↓)',
      p99At(bare),
      p99At(emb),
      ratio(stepAt(emb, 2000)?.p99, stepAt(bare, 2000)?.p99),
      p99At(mem),
      ratio(stepAt(mem, 2000)?.p99, stepAt(bare, 2000)?.p99),
      p99At(real),
      ratio(stepAt(real, 2000)?.p99, stepAt(bare, 2000)?.p99),
    ],
    [
      '1 relay',
      'server CPU per delivered message at 2,000 msg/s (↓)',
      us(stepAt(bare, 2000)?.serverCpuPerMessageUs),
      us(stepAt(emb, 2000)?.serverCpuPerMessageUs),
      ratio(stepAt(emb, 2000)?.serverCpuPerMessageUs, stepAt(bare, 2000)?.serverCpuPerMessageUs),
      us(stepAt(mem, 2000)?.serverCpuPerMessageUs),
      ratio(stepAt(mem, 2000)?.serverCpuPerMessageUs, stepAt(bare, 2000)?.serverCpuPerMessageUs),
      us(stepAt(real, 2000)?.serverCpuPerMessageUs),
      ratio(stepAt(real, 2000)?.serverCpuPerMessageUs, stepAt(bare, 2000)?.serverCpuPerMessageUs),
    ],
    restRate('requests/s (↑)', restBare),
    restRate("requests/s against a bare Koa route with the app's helmet and CORS (↑)", restHeaders),
    [
      '2 REST send',
      'p99 latency (↓)',
      acMs(restBare?.result.latencyMs.p99),
      acMs(restEmb?.result.latencyMs.p99),
      ratio(restEmb?.result.latencyMs.p99, restBare?.result.latencyMs.p99),
      acMs(restMem?.result.latencyMs.p99),
      ratio(restMem?.result.latencyMs.p99, restBare?.result.latencyMs.p99),
      acMs(restReal?.result.latencyMs.p99),
      ratio(restReal?.result.latencyMs.p99, restBare?.result.latencyMs.p99),
    ],
    [
      '3 connections',
      'JS heap per idle socket (↓)',
      kib(connBare?.heapPerSocket),
      kib(connEmb?.heapPerSocket),
      ratio(connEmb?.heapPerSocket, connBare?.heapPerSocket),
      kib(connMem?.heapPerSocket),
      ratio(connMem?.heapPerSocket, connBare?.heapPerSocket),
      kib(connReal?.heapPerSocket),
      ratio(connReal?.heapPerSocket, connBare?.heapPerSocket),
    ],
    [
      '3 connections',
      'RSS per idle socket (↓; noisier: the allocator keeps freed pages)',
      kib(connBare?.rssPerSocket),
      kib(connEmb?.rssPerSocket),
      ratio(connEmb?.rssPerSocket, connBare?.rssPerSocket),
      kib(connMem?.rssPerSocket),
      ratio(connMem?.rssPerSocket, connBare?.rssPerSocket),
      kib(connReal?.rssPerSocket),
      ratio(connReal?.rssPerSocket, connBare?.rssPerSocket),
    ],
    [
      '3 connections',
      `time to connect ${n(r.settings.connections.sockets)} sockets (↓)`,
      secs(connBare?.connectMs),
      secs(connEmb?.connectMs),
      ratio(connEmb?.connectMs, connBare?.connectMs),
      secs(connMem?.connectMs),
      ratio(connMem?.connectMs, connBare?.connectMs),
      secs(connReal?.connectMs),
      ratio(connReal?.connectMs, connBare?.connectMs),
    ],
    [
      '3 connections',
      `server RSS with ${n(r.settings.connections.sockets)} sockets open (↓)`,
      mib(connBare?.rssAfter),
      mib(connEmb?.rssAfter),
      ratio(connEmb?.rssAfter, connBare?.rssAfter),
      mib(connMem?.rssAfter),
      ratio(connMem?.rssAfter, connBare?.rssAfter),
      mib(connReal?.rssAfter),
      ratio(connReal?.rssAfter, connBare?.rssAfter),
    ],
    [
      '4 auto pipeline',
      'items planned, queued and delivered per second (↑)',
      n(r.auto.baseline?.itemsPerSecond),
      autoEmb ? `${n(autoEmb.itemsPerSecond)} (${n(autoEmb.result.delivered)} items)` : '–',
      ratio(autoEmb?.itemsPerSecond, r.auto.baseline?.itemsPerSecond),
      ...NOT_RUN,
      autoReal ? `${n(autoReal.itemsPerSecond)} (${n(autoReal.result.delivered)} items)` : '–',
      ratio(autoReal?.itemsPerSecond, r.auto.baseline?.itemsPerSecond),
    ],
    ...(autoRabbit
      ? [
          [
            '4 auto pipeline',
            'the same, in-memory repositories + RabbitMQ (↑)',
            n(r.auto.baseline?.itemsPerSecond),
            '–',
            '–',
            ...NOT_RUN,
            `${n(autoRabbit.itemsPerSecond)} (${n(autoRabbit.result.delivered)} items)`,
            ratio(autoRabbit.itemsPerSecond, r.auto.baseline?.itemsPerSecond),
          ],
        ]
      : []),
    [
      '5 login',
      `one login, bcrypt cost ${r.settings.auth.bcryptCost} (↓)`,
      ms(base?.compareMs),
      ms(loginEmb?.loginMs),
      ratio(loginEmb?.loginMs, base?.compareMs),
      ...NOT_RUN,
      ms(loginReal?.loginMs),
      ratio(loginReal?.loginMs, base?.compareMs),
    ],
    [
      '5 login',
      `logins/s, ${r.settings.auth.concurrency} at once (↑)`,
      n(base?.comparesPerSecond, 1),
      n(loginEmb?.loginsPerSecond, 1),
      ratio(loginEmb?.loginsPerSecond, base?.comparesPerSecond),
      ...NOT_RUN,
      n(loginReal?.loginsPerSecond, 1),
      ratio(loginReal?.loginsPerSecond, base?.comparesPerSecond),
    ],
    [
      '5 token verify',
      'verifications/s of tokens not seen before, one core (↑)',
      n(base?.verify.rawPerSecond),
      n(base?.verify.oursFirstPerSecond),
      ratio(base?.verify.oursFirstPerSecond, base?.verify.rawPerSecond),
      ...NOT_RUN,
      'same code',
      '–',
    ],
    [
      '5 token verify',
      'verifications/s of a token seen before (↑)',
      n(base?.verify.rawPerSecond),
      n(base?.verify.oursRepeatPerSecond),
      ratio(base?.verify.oursRepeatPerSecond, base?.verify.rawPerSecond),
      ...NOT_RUN,
      'same code',
      '–',
    ],
    [
      '6 socket flood',
      "another client's `/health/live` p99 during one user's socket flood; baseline: the same app idle (↓)",
      floodEmb ? `${ms(floodEmb.idle.p99)} idle${floodReal ? ` (real services: ${ms(floodReal.idle.p99)})` : ''}` : '–',
      ms(floodEmb?.flood.p99),
      ratio(floodEmb?.flood.p99, floodEmb?.idle.p99),
      ...NOT_RUN,
      ms(floodReal?.flood.p99),
      ratio(floodReal?.flood.p99, floodReal?.idle.p99),
    ],
  ];
  return table(
    [
      'scenario',
      'figure (↑ higher is better, ↓ lower)',
      'baseline',
      'ours, embedded',
      'ratio',
      'ours, real Redis + RabbitMQ, in-memory repositories',
      'ratio',
      r.services?.onFerretDb ? 'ours, real services (a floor: FerretDB)' : 'ours, real services',
      'ratio',
    ],
    rows,
  );
};

const us = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? '–' : `${n(value)} µs`;
const secs = (value: number | undefined): string => (value === undefined ? '–' : `${n(value / 1000, 1)} s`);

const targets = (r: BenchResults): string => {
  const bare = r.relay.find((x) => x.system === 'bare');
  const lines: string[] = [];
  const verdict = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**');
  for (const run of r.relay.filter((x) => x.system !== 'bare')) {
    const half = bare && bare.sustained > 0 ? run.sustained / bare.sustained >= 0.5 : undefined;
    const at2000 = stepAt(run, 2000);
    lines.push(
      `- ${run.label}: persisted delivery at least half the bare relay's throughput: ${verdict(half)} ` +
        `(${n(run.sustained)} vs ${bare ? `${bare.broke ? '' : '≥ '}${n(bare.sustained)}` : '–'} msg/s` +
        `${bare && !bare.broke ? '; the bare relay never broke, so its figure is a lower bound and the ratio an upper bound' : ''}); ` +
        `p99 under 50 ms at 2,000 msg/s: ` +
        (at2000
          ? `${verdict(at2000.p99 < 50 && at2000.held)} (${ms(at2000.p99)}).`
          : `**not met**: 2,000 msg/s was not reached (${run.stopReason}).`),
    );
  }
  const restBare = r.rest.find((x) => x.system === 'bare');
  const restHeaders = r.rest.find((x) => x.system === 'bare-headers');
  for (const run of r.rest.filter((x) => x.system !== 'bare' && x.system !== 'bare-headers')) {
    const ours = run.result.requestsPerSecond;
    const bareRps = restBare?.result.requestsPerSecond;
    lines.push(
      `- ${run.label}: REST send at least 0.4 of the bare Koa route's requests/s: ` +
        `${verdict(bareRps ? ours / bareRps >= 0.4 : undefined)} (ratio ${ratio(ours, bareRps)}; against the bare ` +
        `route with the app's helmet and CORS ${ratio(ours, restHeaders?.result.requestsPerSecond)}).`,
    );
  }
  for (const run of r.connections.filter((x) => x.system !== 'bare')) {
    const full = run.connected >= 10_000;
    lines.push(
      `- ${run.label}: 10,000 idle sockets under 1 GiB: ` +
        (full
          ? `${verdict(run.rssAfter < 2 ** 30)} (server RSS ${mib(run.rssAfter)} with ${n(run.connected)} sockets).`
          : `not measured (${n(run.connected)} sockets in this run, server RSS ${mib(run.rssAfter)}).`),
    );
  }
  lines.push(...roundTripTargets(r));
  for (const run of r.flood) {
    lines.push(
      `- ${run.label}: the event loop under one user's socket flood: another client's ` +
        `\`/health/live\` p99 ${ms(run.flood.p99)} during it against ${ms(run.idle.p99)} idle ` +
        `(ratio ${ratio(run.flood.p99, run.idle.p99)}); reported, the issue sets no threshold.`,
    );
  }
  return lines.join('\n');
};

const relaySection = (r: BenchResults, charts: { latency: string; throughput: string }): string => {
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

const restSection = (r: BenchResults): string => {
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

const connectionSection = (r: BenchResults): string => {
  const s = r.settings.connections;
  return [
    '## 3. Idle connections',
    '',
    `${n(s.sockets)} WebSocket connections opened from ${s.loadProcesses} load processes, ${s.concurrency} handshakes ` +
      `in flight per process. Ours: each handshake carries an access token (verified, its session checked in memory, ` +
      `and its place under SOCKETS_PER_USER taken with its presence lease in one presence-store call), the ` +
      `sockets spread over ${s.users} registered users (their tokens reused, like open tabs; presence is kept per ` +
      'socket). Baseline: bare Socket.IO, no auth. Memory is the server process alone, read after a forced GC before ' +
      `the first connect and ${s.settleMs / 1000} s after the last.`,
    '',
    table(
      [
        'system',
        'connected',
        'still up',
        'failed',
        'time to connect',
        'connects/s',
        'RSS before',
        'RSS after',
        'RSS/socket',
        'heap/socket',
      ],
      r.connections.map((run) => [
        run.label,
        n(run.connected),
        n(run.stillConnected),
        run.failed > 0 ? `${n(run.failed)} (${run.firstError})` : '0',
        secs(run.connectMs),
        n(run.connectsPerSecond),
        mib(run.rssBefore),
        mib(run.rssAfter),
        kib(run.rssPerSocket),
        kib(run.heapPerSocket),
      ]),
    ),
    '',
  ].join('\n');
};

const autoSection = (r: BenchResults): string => {
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

const authSection = (r: BenchResults): string => {
  const s = r.settings.auth;
  const b = r.auth.baselines;
  return [
    '## 5. Costs that bound the system',
    '',
    `Login over HTTP with the password hashed at bcrypt cost ${s.bcryptCost} (the configured default; setup-only ` +
      `registrations elsewhere use cost 4): the median of ${s.sequentialLogins} logins one after another, and logins ` +
      `per second with ${s.concurrency} clients at once for ${s.concurrentMs / 1000} s. Baseline: \`bcrypt.compare\` ` +
      `alone at the same cost. Token verification: ${n(s.verifyIterations)} distinct access tokens verified by our ` +
      "`JoseTokenService` (algorithm pinned, issuer, audience and required claims checked) against jose's `jwtVerify` " +
      'with only the algorithm pinned and the key imported once; then the last 5,000 again.',
    '',
    table(
      ['system', 'login (median)', 'logins/s'],
      [
        ...(b ? [[`bcrypt.compare, cost ${s.bcryptCost} (baseline)`, ms(b.compareMs), n(b.comparesPerSecond, 1)]] : []),
        ...r.auth.logins.map((run) => [run.label, ms(run.loginMs), n(run.loginsPerSecond, 1)]),
      ],
    ),
    '',
    b
      ? `Token verification, one process: bare \`jwtVerify\` ${n(b.verify.rawPerSecond)}/s; ours ` +
        `${n(b.verify.oursFirstPerSecond)}/s on tokens it has not seen (ratio ` +
        `${ratio(b.verify.oursFirstPerSecond, b.verify.rawPerSecond)}) and ${n(b.verify.oursRepeatPerSecond)}/s on a ` +
        'token seen before, whose signature and claims it remembers (only the expiry is checked again).'
      : '',
    '',
  ].join('\n');
};

const floodSection = (r: BenchResults): string => {
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

/** Writes BENCHMARKS.md (or `reportFile`), the SVG charts and results.json; returns the extra files written. */
export const writeReport = (results: BenchResults, reportFile: string, assetsDir: string): string[] => {
  const written: string[] = [];
  const json = path.join(assetsDir, 'results.json');
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  written.push(json);
  const charts = { latency: '', throughput: '' };
  if (results.relay.length > 0) {
    const svg = relayCharts(results);
    for (const [key, file] of [
      ['latency', 'relay-latency.svg'],
      ['throughput', 'relay-throughput.svg'],
    ] as const) {
      const target = path.join(assetsDir, file);
      writeFileSync(target, `${svg[key]}\n`);
      written.push(target);
      charts[key] = path.relative(path.dirname(reportFile), target).split(path.sep).join('/');
    }
  }
  const m = results.machine;
  const svc = results.services;
  const serviceLines = svc
    ? [
        ...Object.entries(svc.used).map(
          ([name, info]) =>
            `- ${name}: ${info.version}, ${info.source}` +
            (info.isFerretDb
              ? " (FerretDB is a compatibility server, not a speed reference: read its figures as a floor, not as MongoDB's)"
              : ''),
        ),
        ...Object.entries(svc.missing).map(([name, reason]) => `- ${name}: not used: ${reason}`),
      ]
    : ['- not run (`--no-services`)'];
  const findings = existsSync(FINDINGS) ? readFileSync(FINDINGS, 'utf8').trim() : '';
  const doc = [
    '# Benchmarks',
    '',
    `Generated by \`${results.command}\` (bench/run.ts), ${results.mode} run started ${results.startedAt}, ` +
      `took ${results.durationSeconds ?? '?'} s.` +
      (results.aborted ? ` **Cut short: ${results.aborted}; figures below are partial.**` : '') +
      " Speed is measured here, never asserted in tests; these are one machine's figures, run the suite on yours.",
    '',
    '```sh',
    'npm ci',
    'npm run bench                  # every scenario, about 6 minutes on 2 cores (15 at most); rewrites this file',
    'npm run bench -- --quick       # smaller counts, under 6 minutes; writes bench/results/quick/BENCHMARKS.md',
    'npm run bench -- --only=relay,rest --no-services --profile   # a subset, embedded only, with CPU profiles',
    '```',
    '',
    'Everything runs on 127.0.0.1: the app under test in its own process (so its CPU and memory are its own), load ' +
      'generators in separate processes, every loop bounded in count and time, and a global deadline ' +
      `(${results.settings.deadlineMs / 1000} s) after which every child is killed and a partial report written. ` +
      'Real services come from `MONGODB_URI`, `REDIS_URL` and `RABBITMQ_URL` when set, else are started on a free ' +
      'loopback port by the test harness launchers (tests/support/services) when `mongod`/`ferretdb`, ' +
      '`redis-server` and `rabbitmq-server` are installed, else the run gives the embedded figures only and says why. ' +
      'The app runs with `LOG_LEVEL=warn`, `LOG_TO_FILES=false`, rate limits raised out of the way and ' +
      '`BCRYPT_COST=4` for setup registrations (scenario 5 uses 12). Raw figures: ' +
      `\`${path.relative(path.dirname(reportFile), json).split(path.sep).join('/')}\`.`,
    '',
    '## Machine',
    '',
    table(
      ['CPU', 'cores', 'memory', 'Node', 'OS', 'ulimit -n'],
      [[m.cpuModel, String(m.cores), `${m.memoryGiB} GiB`, m.node, m.os, String(m.openFilesLimit ?? '?')]],
    ),
    '',
    'Real services used for the "real services" columns:',
    '',
    ...serviceLines,
    '',
    '## Summary',
    '',
    'Ratio = ours ÷ baseline, both measured in this run on this machine.',
    '',
    summary(results),
    '',
    '\\* One or both systems never broke within the offered rates, so the figure marked ≥ is a lower bound and the ' +
      'ratio only an estimate.',
    '',
    '### Targets from the issue',
    '',
    targets(results),
    '',
    ...(findings ? [findings, ''] : []),
    relaySection(results, charts),
    restSection(results),
    connectionSection(results),
    autoSection(results),
    authSection(results),
    // Results saved before scenario 6 existed neither ran it nor have its settings.
    ...(results.only.includes('flood') ? [floodSection(results)] : []),
    ...(results.roundTrips.length > 0 ? [roundTripSection(results)] : []),
    ...(results.errors.length > 0
      ? ['## Failures', '', ...results.errors.map((e) => `- ${e.scenario} (${e.system}): ${e.message}`), '']
      : []),
  ].join('\n');
  writeFileSync(reportFile, doc);
  return written;
};
