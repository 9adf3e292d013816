import type { RelayRun } from '../../scenarios/relay.js';

// How the report writes its figures: numbers, units, ratios and Markdown tables.

export const n = (value: number | undefined, digits = 0): string =>
  value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const ms = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? '–' : value < 10 ? `${n(value, 1)} ms` : `${n(value)} ms`;
/** autocannon reports whole milliseconds: 0 means under one. */
export const acMs = (value: number | undefined): string => (value === 0 ? '< 1 ms' : ms(value));
export const mib = (bytes: number | undefined): string => (bytes === undefined ? '–' : `${n(bytes / 2 ** 20)} MiB`);
export const kib = (bytes: number | undefined): string => (bytes === undefined ? '–' : `${n(bytes / 1024, 1)} KiB`);
export const ratio = (ours: number | undefined, base: number | undefined): string =>
  ours === undefined || base === undefined || !Number.isFinite(ours) || !Number.isFinite(base) || base === 0
    ? '–'
    : ours / base < 0.1
      ? Number((ours / base).toPrecision(2)).toString()
      : (ours / base).toFixed(2);

export const us = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? '–' : `${n(value)} µs`;
export const secs = (value: number | undefined): string => (value === undefined ? '–' : `${n(value / 1000, 1)} s`);

export const table = (header: string[], rows: string[][]): string =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

export /** The step nearest to `rate` that was run, when it is within 10 %. */
const stepAt = (run: RelayRun | undefined, rate: number) =>
  run?.steps.find((step) => Math.abs(step.offered - rate) <= rate * 0.1);
