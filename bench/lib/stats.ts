export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly count: number;
}

/** Nearest-rank percentile of an ascending array. */
export const percentile = (sorted: readonly number[], p: number): number => {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
};

export const percentilesOf = (values: readonly number[]): Percentiles => {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  return {
    p50: percentile(list, 50),
    p95: percentile(list, 95),
    p99: percentile(list, 99),
    max: list.length > 0 ? (list[list.length - 1] as number) : NaN,
    count: list.length,
  };
};

export const median = (values: readonly number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
