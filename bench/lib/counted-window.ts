import { sleep } from './budget.js';
import {
  counterDelta,
  familyTotals,
  scrapeCounters,
  type CounterFamily,
  type CounterSnapshot,
} from './round-trip-counters.js';

/** Two reads of the counters this far apart that agree mean the work set off has finished. */
const QUIET_MS = 250;

const same = (a: CounterSnapshot, b: CounterSnapshot): boolean =>
  a.size === b.size && [...a].every(([series, value]) => b.get(series) === value);

/** The counters once they stop moving (or as they are after `timeoutMs`), and when they were read. */
export const settledCounters = async (
  baseUrl: string,
  timeoutMs: number,
): Promise<{ snapshot: CounterSnapshot; at: number }> => {
  const deadline = Date.now() + timeoutMs;
  let last = await scrapeCounters(baseUrl);
  for (;;) {
    await sleep(QUIET_MS);
    const next = await scrapeCounters(baseUrl);
    if (same(last, next) || Date.now() > deadline) return { snapshot: next, at: Date.now() };
    last = next;
  }
};

/** Series to what it moved per second while the app was idle. */
export type IdleRates = ReadonlyMap<string, number>;

export const idleRates = async (baseUrl: string, idleMs: number): Promise<IdleRates> => {
  const started = Date.now();
  const before = await scrapeCounters(baseUrl);
  await sleep(idleMs);
  const after = await scrapeCounters(baseUrl);
  const seconds = (Date.now() - started) / 1000;
  return new Map([...counterDelta(before, after)].map(([series, moved]) => [series, moved / seconds]));
};

export interface CountedWindow {
  readonly runs: number;
  readonly ms: number;
  /** Per run, by family, the idle rate over the window taken off. */
  readonly perRun: Record<CounterFamily, number>;
  /** Per run, by series that moved. */
  readonly bySeries: Record<string, number>;
}

const round = (value: number): number => Math.round(value * 100) / 100;

export interface WindowOptions {
  readonly baseUrl: string;
  readonly runs: number;
  readonly idle: IdleRates;
  readonly settleTimeoutMs: number;
}

/** Runs `work` and counts the round trips it caused, per run, from the app's counters once they are quiet again. */
export const countedWindow = async (options: WindowOptions, work: () => Promise<void>): Promise<CountedWindow> => {
  const { baseUrl, runs, idle, settleTimeoutMs } = options;
  const before = await settledCounters(baseUrl, settleTimeoutMs);
  const started = Date.now();
  await work();
  const ms = Date.now() - started;
  const after = await settledCounters(baseUrl, settleTimeoutMs);
  const seconds = (after.at - before.at) / 1000;
  const perRun = new Map<string, number>();
  for (const [series, moved] of counterDelta(before.snapshot, after.snapshot)) {
    const value = round((moved - (idle.get(series) ?? 0) * seconds) / runs);
    if (value !== 0) perRun.set(series, value);
  }
  const totals = familyTotals(perRun);
  return {
    runs,
    ms,
    perRun: { mongo: round(totals.mongo), redis: round(totals.redis), store: round(totals.store) },
    bySeries: Object.fromEntries(perRun),
  };
};
