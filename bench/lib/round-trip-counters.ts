/** The counters of what the app asks of its services and stores (src/ports/round-trip-meter.ts). */
export const ROUND_TRIP_COUNTERS = {
  mongo: 'chat_mongodb_commands_total',
  redis: 'chat_redis_round_trips_total',
  store: 'chat_store_port_calls_total',
} as const;

export type CounterFamily = keyof typeof ROUND_TRIP_COUNTERS;

/** Series (`name{labels}`) to value. */
export type CounterSnapshot = ReadonlyMap<string, number>;

/** The MongoDB watchdog's probe runs on a timer, not for any operation. */
const isBackground = (series: string): boolean => series.includes('command="ping"');

/** The round-trip series of a /metrics page, without the background ones. */
export const parseCounters = (text: string): CounterSnapshot => {
  const names = Object.values(ROUND_TRIP_COUNTERS);
  const snapshot = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!names.some((name) => line.startsWith(`${name}{`))) continue;
    const at = line.lastIndexOf(' ');
    const series = line.slice(0, at);
    if (!isBackground(series)) snapshot.set(series, Number(line.slice(at + 1)));
  }
  return snapshot;
};

export const scrapeCounters = async (baseUrl: string): Promise<CounterSnapshot> => {
  const response = await fetch(`${baseUrl}/metrics`);
  if (!response.ok) throw new Error(`GET /metrics: ${response.status}`);
  return parseCounters(await response.text());
};

/** What moved between two snapshots, series by series (only those that moved). */
export const counterDelta = (before: CounterSnapshot, after: CounterSnapshot): Map<string, number> => {
  const delta = new Map<string, number>();
  for (const [series, value] of after) {
    const moved = value - (before.get(series) ?? 0);
    if (moved !== 0) delta.set(series, moved);
  }
  return delta;
};

export const familyOf = (series: string): CounterFamily | undefined =>
  (Object.keys(ROUND_TRIP_COUNTERS) as CounterFamily[]).find((family) =>
    series.startsWith(`${ROUND_TRIP_COUNTERS[family]}{`),
  );

/** Sums series by family. */
export const familyTotals = (series: ReadonlyMap<string, number>): Record<CounterFamily, number> => {
  const totals: Record<CounterFamily, number> = { mongo: 0, redis: 0, store: 0 };
  for (const [name, value] of series) {
    const family = familyOf(name);
    if (family) totals[family] += value;
  }
  return totals;
};
