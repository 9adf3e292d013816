import schedule from 'node-schedule';
import type { UseCases } from '../../application/use-cases.js';
import type { Logger } from '../../ports/logger.js';

export interface ScheduleOptions {
  readonly planCron: string;
  readonly enqueueCron: string;
  readonly pruneChangesCron: string;
  readonly timeZone: string;
}

export interface RunningSchedule {
  /** Cancels future runs and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Drives stage 1 (plan) and stage 2 (enqueue) of the auto messages, and the
 * pruning of the change feed, on cron. A run still going when
 * its next tick comes is not started twice in this process; other processes
 * are safe through the use cases' own idempotence and atomic claims.
 */
export const startSchedule = (
  useCases: Pick<UseCases, 'planAutoMessages' | 'enqueueDueAutoMessages' | 'pruneChanges'>,
  logger: Logger,
  options: ScheduleOptions,
): RunningSchedule => {
  const running = new Set<Promise<void>>();
  const busy = new Set<string>();

  const job = (name: string, cron: string, run: () => Promise<unknown>) =>
    schedule.scheduleJob(name, { rule: cron, tz: options.timeZone }, () => {
      if (busy.has(name)) {
        logger.warn('scheduled job skipped: previous run still going', { job: name });
        return;
      }
      busy.add(name);
      const started = Date.now();
      const done = run()
        .then((result) =>
          logger.info('scheduled job finished', { job: name, durationMs: Date.now() - started, result }),
        )
        .catch((error: Error) => logger.error('scheduled job failed', { job: name, error: error.message }))
        .finally(() => {
          busy.delete(name);
          running.delete(done);
        });
      running.add(done);
    });

  const jobs = [
    job('auto-plan', options.planCron, () => useCases.planAutoMessages.execute()),
    job('auto-enqueue', options.enqueueCron, () => useCases.enqueueDueAutoMessages.execute()),
    job('prune-changes', options.pruneChangesCron, () => useCases.pruneChanges.execute()),
  ];
  for (const scheduled of jobs) {
    if (!scheduled) throw new Error('invalid cron expression in the schedule');
  }
  logger.info('schedule started', { ...options });

  return {
    async stop() {
      for (const scheduled of jobs) scheduled?.cancel();
      await Promise.allSettled([...running]);
    },
  };
};
