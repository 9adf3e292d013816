import type { AckedSend } from './careful-client.js';
import { windowAt, type FaultWindow } from './fault-plan.js';

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Ack latency (from making the message to its acknowledgement) per fault window, by when the message was made. */
export const latencyTable = (sends: readonly AckedSend[], windows: readonly FaultWindow[]): string => {
  const groups = new Map<string, number[]>(windows.map((w) => [w.name, []]));
  groups.set('outside faults', []);
  for (const send of sends) {
    const label = windowAt(windows, send.createdAt)?.name ?? 'outside faults';
    groups.get(label)!.push(send.ackedAt - send.createdAt);
  }
  const rows = [...groups.entries()].map(([label, latencies]) => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const window = windows.find((w) => w.name === label);
    const length = window ? `${(((window.recovered ?? Date.now()) - window.start) / 1000).toFixed(1)} s` : '';
    const stats = [sorted.length, percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1] ?? NaN];
    return [label, length, ...stats.map(String)];
  });
  const header = ['window', 'length', 'count', 'p50 ms', 'p95 ms', 'max ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
};
