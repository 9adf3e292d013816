import type { AmqpBaselineArgs, AmqpBaselineResult } from '../servers/amqp-baseline.js';
import type { PipelineArgs, PipelineResult } from '../servers/auto-pipeline.js';
import { BenchChild } from '../lib/children.js';
import type { Target } from '../lib/targets.js';

export interface PipelineRun {
  readonly system: Target['id'];
  readonly label: string;
  readonly adapters: Record<string, string>;
  readonly result: PipelineResult;
  /** Items delivered per second, from the start of planning to the last delivery. */
  readonly itemsPerSecond: number;
}

export interface AmqpBaselineRun {
  readonly result: AmqpBaselineResult;
  readonly itemsPerSecond: number;
}

/** Scenario 4 (ours): plan, enqueue and deliver `items` items in one process with the worker role. */
export const runAutoPipeline = async (
  target: Target,
  items: number,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<PipelineRun> => {
  const name = `auto-${target.id}`;
  const { child, ready } = await BenchChild.start<{ adapters: Record<string, string> }>('servers/auto-pipeline.ts', {
    name,
    env: { ...target.env('auto'), ROLES: 'worker', AUTO_ENQUEUE_BATCH: String(Math.max(items, 1)) },
    readyTimeoutMs: 90_000,
  });
  const off = child.onEvent((event) => {
    if (event.event === 'progress') {
      const { delivered, planned } = event.data as { delivered: number; planned: number };
      log(`      ${delivered}/${planned} delivered`);
    }
  });
  try {
    const result = await child.call<PipelineResult>(
      'run',
      { items, timeoutMs } satisfies PipelineArgs,
      timeoutMs + 120_000,
    );
    const run: PipelineRun = {
      system: target.id,
      label: target.label,
      adapters: ready.adapters,
      result,
      itemsPerSecond: result.delivered / (result.totalMs / 1000),
    };
    log(
      `    ${target.label}: ${result.delivered}/${result.items} items in ${(result.totalMs / 1000).toFixed(1)} s ` +
        `= ${run.itemsPerSecond.toFixed(0)} items/s (plan ${(result.planMs / 1000).toFixed(1)} s, enqueue ` +
        `${(result.enqueueMs / 1000).toFixed(1)} s; seeding ${(result.seedMs / 1000).toFixed(1)} s not counted)` +
        (result.timedOut ? ' TIMED OUT' : ''),
    );
    return run;
  } finally {
    off();
    await child.stop(30_000);
  }
};

/** Scenario 4 (baseline): raw amqplib, confirmed publishes and acked consumption of `items` messages. */
export const runAmqpBaseline = async (
  url: string,
  queue: string,
  items: number,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<AmqpBaselineRun> => {
  const { child } = await BenchChild.start('servers/amqp-baseline.ts', { name: 'amqp-baseline' });
  try {
    const result = await child.call<AmqpBaselineResult>(
      'run',
      { url, queue, items, prefetch: 16, timeoutMs } satisfies AmqpBaselineArgs,
      timeoutMs + 60_000,
    );
    const itemsPerSecond = result.acked / (result.totalMs / 1000);
    log(
      `    raw amqplib: ${result.acked}/${items} in ${(result.totalMs / 1000).toFixed(1)} s = ` +
        `${itemsPerSecond.toFixed(0)} items/s (publishes confirmed after ${(result.publishMs / 1000).toFixed(1)} s)`,
    );
    return { result, itemsPerSecond };
  } finally {
    await child.stop();
  }
};
