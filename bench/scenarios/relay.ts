import type { ConnectArgs, RelayPair, StepArgs, StepResult } from '../load/relay-load.js';
import { registerUsers } from '../lib/api-client.js';
import type { Budget } from '../lib/budget.js';
import type { BenchChild } from '../lib/children.js';
import {
  profiled,
  serverCpu,
  startAppServer,
  startBareServer,
  startLoadProcesses,
  type RunningServer,
} from '../lib/servers.js';
import { percentilesOf, sum } from '../lib/stats.js';
import type { Target } from '../lib/targets.js';

export interface RelaySettings {
  readonly pairs: number;
  readonly loadProcesses: number;
  /** Offered rates, messages per second, tried in order until one does not hold. */
  readonly rates: readonly number[];
  /** Where the bare relay and the embedded default start on that ladder; FerretDB-backed runs start at the bottom. */
  readonly startRate: number;
  /** Pairs when the repositories are FerretDB, whose every write takes milliseconds. */
  readonly slowPairs: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  readonly drainMs: number;
  /** A step holds while p99 stays at or under this and (nearly) everything arrives. */
  readonly p99LimitMs: number;
  readonly minDeliveredRatio: number;
}

export interface RelayStep {
  readonly offered: number;
  /** Messages delivered per second of the measured window. */
  readonly delivered: number;
  readonly sent: number;
  readonly received: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly rejected: number;
  readonly rejectSample: string | null;
  /** Server CPU over the step, % of one core. */
  readonly serverCpuPct: number;
  /** Server CPU per delivered message, µs. */
  readonly serverCpuPerMessageUs: number;
  /** Busiest load generator's CPU, % of one core: near 100 means the load, not the server, set the pace. */
  readonly loadCpuPct: number;
  readonly held: boolean;
  readonly reason: string | null;
}

export interface RelayRun {
  readonly system: 'bare' | Target['id'];
  readonly label: string;
  readonly pairs: number;
  readonly steps: RelayStep[];
  /** Delivered messages per second at the highest offered rate that held. */
  readonly sustained: number;
  /** The highest offered rate that held. */
  readonly sustainedOffered: number;
  /** False when the last step tried still held: the figure is a lower bound. */
  readonly broke: boolean;
  readonly stopReason: string;
  readonly setupMs: number;
}

/** Our per-socket allowance is 20 events a second (token bucket): offered rates stay under it. */
const OUR_MAX_PER_SENDER = 18;

const judge = (settings: RelaySettings, step: Omit<RelayStep, 'held' | 'reason'>): string | null => {
  if (step.rejected > 0) return `${step.rejected} sends rejected (${step.rejectSample})`;
  if (step.sent > 0 && step.received / step.sent < settings.minDeliveredRatio) {
    return `only ${((100 * step.received) / step.sent).toFixed(1)}% delivered within the drain time`;
  }
  if (!(step.p99 <= settings.p99LimitMs)) return `p99 ${step.p99.toFixed(0)} ms > ${settings.p99LimitMs} ms`;
  return null;
};

const runStep = async (
  server: RunningServer,
  loads: BenchChild[],
  settings: RelaySettings,
  stepId: number,
  offered: number,
): Promise<RelayStep> => {
  const args: Omit<StepArgs, 'rate'> = {
    stepId,
    warmupMs: settings.warmupMs,
    measureMs: settings.measureMs,
    drainMs: settings.drainMs,
  };
  const before = await serverCpu(server);
  const started = Date.now();
  const timeout = settings.warmupMs + settings.measureMs + settings.drainMs + 30_000;
  const results = await Promise.all(
    loads.map((load) => load.call<StepResult>('step', { ...args, rate: offered / loads.length }, timeout)),
  );
  const wallMs = Date.now() - started;
  const after = await serverCpu(server, before.mark);
  const latencies = results.flatMap((r) => r.latencies);
  const received = sum(results.map((r) => r.delivered));
  const stats = percentilesOf(latencies);
  const partial = {
    offered,
    delivered: received / (settings.measureMs / 1000),
    sent: sum(results.map((r) => r.sent)),
    received,
    p50: stats.p50,
    p95: stats.p95,
    p99: stats.p99,
    max: stats.max,
    rejected: sum(results.map((r) => r.rejected)),
    rejectSample: results.find((r) => r.rejectSample)?.rejectSample ?? null,
    serverCpuPct: (100 * after.usedMs) / wallMs,
    serverCpuPerMessageUs: received > 0 ? (1000 * after.usedMs) / (received * (wallMs / settings.measureMs)) : NaN,
    loadCpuPct: Math.max(...results.map((r) => (100 * r.cpuMs) / r.wallMs)),
  };
  const reason = judge(settings, partial);
  return { ...partial, held: reason === null, reason };
};

/**
 * Scenario 1: N sender/receiver socket pairs spread over separate load
 * processes send at a fixed offered rate; the rate steps up until latency
 * breaks (or the budget ends).
 */
export const runRelay = async (
  system: 'bare' | Target,
  settings: RelaySettings,
  budget: Budget,
  log: (line: string) => void,
): Promise<RelayRun> => {
  const setupStarted = Date.now();
  const isBare = system === 'bare';
  const slow = !isBare && system.onFerretDb;
  const pairCount = slow ? settings.slowPairs : settings.pairs;
  const label = isBare ? 'bare Socket.IO relay' : system.label;
  const server = isBare ? await startBareServer('relay') : await startAppServer(system, 'relay');
  const loads: BenchChild[] = [];
  try {
    let pairs: RelayPair[];
    if (isBare) {
      pairs = Array.from({ length: pairCount }, (_, i) => ({
        senderAuth: { room: `s${i}` },
        receiverAuth: { room: `r${i}` },
        target: `r${i}`,
      }));
    } else {
      const users = await registerUsers(server.url, 2 * pairCount, 'relay');
      pairs = Array.from({ length: pairCount }, (_, i) => {
        const sender = users[2 * i]!;
        const receiver = users[2 * i + 1]!;
        return {
          senderAuth: { token: sender.accessToken },
          receiverAuth: { token: receiver.accessToken },
          target: receiver.id,
        };
      });
    }
    loads.push(...(await startLoadProcesses('relay-load.ts', settings.loadProcesses, 'relay-load')));
    const share = Math.ceil(pairs.length / loads.length);
    await Promise.all(
      loads.map((load, i) =>
        load.call(
          'connect',
          {
            url: server.url,
            mode: isBare ? 'bare' : 'ours',
            pairs: pairs.slice(i * share, (i + 1) * share),
          } satisfies ConnectArgs,
          120_000,
        ),
      ),
    );
    const setupMs = Date.now() - setupStarted;
    log(`    ${label}: ${pairCount} pairs connected in ${(setupMs / 1000).toFixed(1)} s`);
    // Each pair sends once first, so conversations exist before anything is measured (and code paths are warm).
    const primeRate = slow ? 25 : pairCount;
    const primed = await Promise.all(
      loads.map((load) =>
        load.call<StepResult>(
          'step',
          {
            stepId: 0,
            rate: primeRate / loads.length,
            warmupMs: 0,
            measureMs: (1000 * pairCount) / primeRate,
            drainMs: 20_000,
          },
          60_000,
        ),
      ),
    );
    log(
      `    primed: ${sum(primed.map((r) => r.delivered))}/${sum(primed.map((r) => r.sent))} first messages delivered`,
    );

    const steps: RelayStep[] = [];
    let stopReason = 'every offered rate held';
    const stepMs = settings.warmupMs + settings.measureMs + settings.drainMs + 2_000;
    await profiled(server, async () => {
      const ladder = settings.rates.filter((rate) => slow || rate >= settings.startRate);
      for (const [i, offered] of ladder.entries()) {
        if (!isBare && offered / pairCount > OUR_MAX_PER_SENDER) {
          stopReason = `next rate would exceed the per-socket event limit with ${pairCount} pairs`;
          break;
        }
        if (!budget.has(stepMs)) {
          stopReason = 'time budget used up';
          break;
        }
        const step = await runStep(server, loads, settings, i + 1, offered);
        steps.push(step);
        log(
          `    ${String(offered).padStart(6)} msg/s offered: ${step.delivered.toFixed(0)} delivered/s, ` +
            `p50 ${step.p50.toFixed(1)} p95 ${step.p95.toFixed(1)} p99 ${step.p99.toFixed(1)} ms, ` +
            `server CPU ${step.serverCpuPct.toFixed(0)}%, load CPU ${step.loadCpuPct.toFixed(0)}%` +
            (step.held ? '' : `  <- broke: ${step.reason}`),
        );
        if (!step.held) {
          stopReason = `broke at ${offered.toLocaleString('en-US')} msg/s: ${step.reason}`;
          break;
        }
      }
    });
    const held = steps.filter((s) => s.held);
    const best = held[held.length - 1];
    return {
      system: isBare ? 'bare' : system.id,
      label,
      pairs: pairCount,
      steps,
      sustained: best?.delivered ?? 0,
      sustainedOffered: best?.offered ?? 0,
      broke: steps.some((s) => !s.held),
      stopReason,
      setupMs,
    };
  } finally {
    await Promise.all(loads.map((load) => load.stop(5_000)));
    await server.child.stop();
  }
};
