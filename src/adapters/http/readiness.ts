import type { HealthIndicator } from '../../ports/health-indicator.js';

export interface ServiceCheck {
  readonly name: string;
  readonly up: boolean;
  /** Why it is down; for the log, not for the response. */
  readonly reason?: string;
}

const withTimeout = (check: Promise<void>, ms: number): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([check, timeout]).finally(() => clearTimeout(timer));
};

/** Checks every indicator at once; one that hangs counts as down after `timeoutMs`. */
export const checkServices = (indicators: readonly HealthIndicator[], timeoutMs: number): Promise<ServiceCheck[]> =>
  Promise.all(
    indicators.map(async (indicator) => {
      const { name } = indicator;
      try {
        await withTimeout(
          Promise.resolve().then(() => indicator.check()),
          timeoutMs,
        );
        return { name, up: true };
      } catch (error) {
        return { name, up: false, reason: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
