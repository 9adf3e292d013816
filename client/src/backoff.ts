export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 250, maxMs: 10_000 };

/**
 * The delay before retry number `attempt` (0 = the first retry): exponential,
 * capped, and jittered between half and all of it, so clients that failed
 * together do not come back together.
 */
export const backoffDelay = (attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random = Math.random) => {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
};

/** A wait that `wake()` ends early (e.g. the connection came back), and `cancel()` ends for good. */
export class Waiter {
  private wakers = new Set<() => void>();

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  /** Ends every wait now. */
  wake(): void {
    for (const done of [...this.wakers]) done();
  }
}
