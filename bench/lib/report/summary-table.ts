import type { RelayRun } from '../../scenarios/relay.js';
import type { RestRun } from '../../scenarios/rest-send.js';
import type { BenchResults } from '../results.js';
import { acMs, kib, mib, ms, n, ratio, secs, stepAt, table, us } from './figures.js';

/** The cells of the Redis + RabbitMQ column in a row of a scenario that does not run there. */
const NOT_RUN = ['–', '–'] as const;

/** The summary: every scenario's figures, ours against the baseline, one row a figure. */
export const summary = (r: BenchResults): string => {
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
