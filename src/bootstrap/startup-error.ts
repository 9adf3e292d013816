/** A start that cannot succeed until an operator changes `setting` (or what it points at). */
export class StartupError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}

/** One line of an error's message: driver messages may span lines. */
export const reasonOf = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

const TIMED_OUT = Symbol('timed out');

export interface StartupStep<A> {
  /** The setting an operator fixes when this step fails, e.g. `MONGODB_URI`. */
  readonly setting: string;
  /** What failed, e.g. `MongoDB at mongodb://db:27017 did not answer`. */
  readonly what: string;
  readonly timeoutMs: number;
  /** What was last heard from the service, said when the time ran out. */
  readonly lastHeard?: () => Promise<string | undefined>;
  /** Releases a result that arrives after the deadline. */
  readonly abandon?: (late: A) => unknown;
}

/**
 * Runs one start-up step against a service. A failure, or no answer within
 * the time, becomes a StartupError naming the setting to fix.
 */
export const startupStep = async <A>(options: StartupStep<A>, step: Promise<A>): Promise<A> => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), options.timeoutMs);
  });
  let result: A | typeof TIMED_OUT;
  try {
    result = await Promise.race([step, timedOut]);
  } catch (error) {
    throw new StartupError(options.setting, `${options.what}: ${reasonOf(error)}`);
  } finally {
    clearTimeout(timer);
  }
  if (result !== TIMED_OUT) return result;
  step.then((late) => options.abandon?.(late)).catch(() => undefined);
  const heard = await options.lastHeard?.().catch(() => undefined);
  throw new StartupError(
    options.setting,
    `${options.what}: no answer within ${options.timeoutMs} ms${heard ? ` (last heard: ${heard})` : ''}`,
  );
};

/** The one line a failed start leaves, in the console's format: what to fix, never a stack. */
export const startupFailureLine = (error: unknown, format: 'pretty' | 'json', now = new Date()): string => {
  const setting = error instanceof StartupError ? error.setting : undefined;
  const reason = error instanceof Error && !(error instanceof StartupError) ? `${error.name}: ` : '';
  const message = `cannot start: ${reason}${reasonOf(error)}`;
  return format === 'json'
    ? JSON.stringify({ level: 'error', message, ...(setting ? { setting } : {}), timestamp: now.toISOString() })
    : `${now.toISOString()} error ${message}${setting ? ` (fix ${setting})` : ''}`;
};

/** Every problem of a configuration as one StartupError naming each variable involved. */
export const invalidConfiguration = (problems: readonly string[]): StartupError =>
  new StartupError(
    [...new Set(problems.map((problem) => problem.split(' ')[0]))].join(', '),
    `invalid configuration: ${problems.join('; ')}`,
  );
