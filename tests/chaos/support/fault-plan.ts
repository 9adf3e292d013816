export interface Fault {
  readonly name: string;
  /** Breaks something: kills a process or stops a service. */
  inject(): Promise<void>;
  /** Brings it back (same port, same data): resolves once the process is spawned or the service takes connections. */
  restore(): Promise<void>;
  /** How long the outage lasts before restore (a process restart is an outage of its own length). */
  readonly holdMs: number;
}

export interface FaultWindow {
  readonly name: string;
  /** When the fault was injected (ms since the epoch). */
  readonly start: number;
  /** When the process was running again, or the service took connections again. */
  readonly restored: number;
  /** When both processes answered /health/ready with 200 again; null if not within the limit after `restored`. */
  readonly recovered: number | null;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `allReady` holds, or gives up after `timeoutMs`; the time it held, or null. */
const whenAllReady = async (allReady: () => Promise<boolean>, timeoutMs: number): Promise<number | null> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await allReady()) return Date.now();
    if (Date.now() > deadline) return null;
    await sleep(100);
  }
};

/**
 * Runs the faults one after another, with `cleanMs` of undisturbed load before
 * each. Stops at the first fault the system does not recover from within
 * `recoveryTimeoutMs` of being restored (later faults would only blur the cause).
 */
export const runFaultPlan = async (
  faults: readonly Fault[],
  options: { cleanMs: number; recoveryTimeoutMs: number; allReady: () => Promise<boolean> },
  onWindow: (window: FaultWindow) => void = () => undefined,
): Promise<FaultWindow[]> => {
  const windows: FaultWindow[] = [];
  for (const fault of faults) {
    await sleep(options.cleanMs);
    const start = Date.now();
    await fault.inject();
    await sleep(fault.holdMs);
    await fault.restore();
    const restored = Date.now();
    const recovered = await whenAllReady(options.allReady, options.recoveryTimeoutMs);
    const window = { name: fault.name, start, restored, recovered };
    windows.push(window);
    onWindow(window);
    if (recovered === null) break;
  }
  return windows;
};

/** The window a moment falls in (from injection to recovery), if any. */
export const windowAt = (windows: readonly FaultWindow[], at: number): FaultWindow | undefined =>
  windows.find((w) => at >= w.start && at <= (w.recovered ?? Number.POSITIVE_INFINITY));
