import type { RestLoadArgs, RestLoadResult } from '../load/rest-load.js';
import { registerUsers } from '../lib/api-client.js';
import { counterDelta, familyTotals, scrapeCounters, type CounterFamily } from '../lib/round-trip-counters.js';
import { profiled, serverCpu, startAppServer, startBareServer, startLoadProcesses } from '../lib/servers.js';
import type { Target } from '../lib/targets.js';

export interface RestSettings {
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
  /** Distinct sender/receiver pairs the requests cycle through. */
  readonly pairs: number;
}

/** The two baselines: a bare Koa route, and the same route behind the app's helmet and CORS middleware. */
export type RestBaseline = 'bare' | 'bare-headers';

const BASELINE_LABELS: Record<RestBaseline, string> = {
  bare: 'bare Koa route',
  'bare-headers': "bare Koa route + the app's helmet and CORS",
};

export interface RestRun {
  readonly system: RestBaseline | Target['id'];
  readonly label: string;
  readonly result: RestLoadResult;
  /** Server CPU over the measured run, % of one core. */
  readonly serverCpuPct: number;
  /** Server CPU per request, µs. */
  readonly serverCpuPerRequestUs: number;
  /** Ours: MongoDB commands, Redis round trips and store calls per request under this load (senders race for positions). */
  readonly roundTripsPerRequest?: Record<CounterFamily, number>;
}

/** Scenario 2: POST /api/messages/send under autocannon (its own process), after a warm-up run. */
export const runRestSend = async (
  system: RestBaseline | Target,
  settings: RestSettings,
  log: (line: string) => void,
): Promise<RestRun> => {
  const isBare = typeof system === 'string';
  const label = isBare ? BASELINE_LABELS[system] : system.label;
  const server = isBare
    ? await startBareServer(system === 'bare' ? 'koa' : 'koa-headers')
    : await startAppServer(system, 'rest');
  const [load] = await startLoadProcesses('rest-load.ts', 1, 'rest-load');
  try {
    let requests: RestLoadArgs['requests'];
    if (isBare) {
      requests = [
        { path: '/api/messages/send', headers: {}, body: JSON.stringify({ receiverId: 'x', content: 'hi' }) },
      ];
    } else {
      const users = await registerUsers(server.url, 2 * settings.pairs, 'rest');
      requests = Array.from({ length: settings.pairs }, (_, i) => ({
        path: '/api/messages/send',
        headers: { authorization: `Bearer ${users[2 * i]!.accessToken}` },
        body: JSON.stringify({ receiverId: users[2 * i + 1]!.id, content: `hello from the benchmark ${i}` }),
      }));
    }
    const args = (durationSeconds: number): RestLoadArgs => ({
      url: server.url,
      requests,
      connections: settings.connections,
      durationSeconds,
    });
    await load!.call('run', args(settings.warmupSeconds), (settings.warmupSeconds + 30) * 1000);
    const countersBefore = isBare ? undefined : await scrapeCounters(server.url);
    const before = await serverCpu(server);
    const result = await profiled(server, () =>
      load!.call<RestLoadResult>('run', args(settings.durationSeconds), (settings.durationSeconds + 30) * 1000),
    );
    const after = await serverCpu(server, before.mark);
    const moved = countersBefore && familyTotals(counterDelta(countersBefore, await scrapeCounters(server.url)));
    const perRequest = (value: number) => Math.round((100 * value) / Math.max(1, result.total)) / 100;
    const run: RestRun = {
      system: isBare ? system : system.id,
      label,
      result,
      serverCpuPct: (100 * after.usedMs) / (result.durationSeconds * 1000),
      serverCpuPerRequestUs: result.total > 0 ? (1000 * after.usedMs) / result.total : NaN,
      ...(moved
        ? {
            roundTripsPerRequest: {
              mongo: perRequest(moved.mongo),
              redis: perRequest(moved.redis),
              store: perRequest(moved.store),
            },
          }
        : {}),
    };
    log(
      `    ${label}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.latencyMs.p50} p99 ` +
        `${result.latencyMs.p99} ms, ${result.non2xx} non-2xx, ${result.errors} errors, server CPU ` +
        `${run.serverCpuPct.toFixed(0)}%` +
        (run.roundTripsPerRequest
          ? `; per request ${run.roundTripsPerRequest.mongo} MongoDB commands, ${run.roundTripsPerRequest.redis} Redis ` +
            `round trips, ${run.roundTripsPerRequest.store} store calls`
          : ''),
    );
    return run;
  } finally {
    await load!.stop(5_000);
    await server.child.stop();
  }
};
