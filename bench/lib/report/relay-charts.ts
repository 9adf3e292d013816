import type { RelayRun } from '../../scenarios/relay.js';
import type { BenchResults } from '../results.js';
import { lineChart, type ChartSeries } from '../svg-chart.js';

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

/** Scenario 1's two SVG charts: latency and delivered rate against offered load, every system a series. */
export const relayCharts = (results: BenchResults): { latency: string; throughput: string } => {
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
