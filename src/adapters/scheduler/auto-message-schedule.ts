import schedule from 'node-schedule';
import type { UseCases } from '../../application/use-cases.js';
import type { Logger } from '../../ports/logger.js';

export interface AutoMessageScheduleOptions {
  readonly planCron: string;
  readonly enqueueCron: string;
  readonly timeZone: string;
}

export interface RunningSchedule {
  /** Cancels future runs and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Drives stage 1 (plan) and stage 2 (enqueue) on cron. A run still going when
 * its next tick comes is not started twice in this process; other processes
 * are safe through the use cases' own idempotence and atomic claims.
 */
export const startAutoMessageSchedule = (
  useCases: Pick<UseCases, 'planAutoMessages' | 'enqueueDueAutoMessages'>,
  logger: Logger,
  options: AutoMessageScheduleOptions,
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
  ];
  for (const scheduled of jobs) {
    if (!scheduled) throw new Error('invalid cron expression for the auto-message schedule');
  }
  logger.info('auto-message schedule started', { ...options });

  return {
    async stop() {
      for (const scheduled of jobs) scheduled?.cancel();
      await Promise.allSettled([...running]);
    },
  };
};
