import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { emitEvent, serveCommands } from '../lib/child-side.js';

export interface PollArgs {
  /** The app's base URL; probes go to `${url}/health/live`. */
  readonly url: string;
  /** One probe every this many ms, whether or not the previous one was answered. */
  readonly intervalMs: number;
  /** A probe with no answer after this long counts as failed. */
  readonly timeoutMs: number;
}

export interface PollResult {
  readonly probes: number;
  /** Request to last byte of each 200 answer, ms. */
  readonly latencies: number[];
  /** Probes that got no 200 (another status, an error or no answer in time). */
  readonly failed: number;
  readonly firstFailure: string | null;
  /** From `start` to the end of `finish`. */
  readonly wallMs: number;
}

// Keep-alive like an ordinary client: the figure is the event loop's delay, not a TCP handshake's.
const agent = new http.Agent({ keepAlive: true });

const probe = (url: string, timeoutMs: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, timeout: timeoutMs }, (response) => {
      response.resume();
      response.once('end', () => {
        if (response.statusCode === 200) resolve(performance.now() - started);
        else reject(new Error(`HTTP ${response.statusCode}`));
      });
      response.once('error', reject);
    });
    request.once('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.once('error', reject);
  });

interface Poll {
  readonly started: number;
  readonly latencies: number[];
  readonly pending: Set<Promise<void>>;
  probes: number;
  failed: number;
  firstFailure: string | null;
  timer: NodeJS.Timeout | undefined;
  stopped: boolean;
}

let current: Poll | undefined;

/** Starts probing at a steady rate (open loop: a slow answer does not delay the next probe). */
const start = ({ url, intervalMs, timeoutMs }: PollArgs) => {
  if (current) throw new Error('already polling');
  const target = new URL('/health/live', url).toString();
  const poll: Poll = {
    started: performance.now(),
    latencies: [],
    pending: new Set(),
    probes: 0,
    failed: 0,
    firstFailure: null,
    timer: undefined,
    stopped: false,
  };
  const tick = () => {
    const now = performance.now();
    while (!poll.stopped && poll.started + poll.probes * intervalMs <= now) {
      poll.probes += 1;
      const done: Promise<void> = probe(target, timeoutMs).then(
        (ms) => {
          poll.latencies.push(Math.round(ms * 100) / 100);
        },
        (error: Error) => {
          poll.failed += 1;
          poll.firstFailure ??= error.message;
        },
      );
      poll.pending.add(done);
      void done.finally(() => poll.pending.delete(done));
    }
    if (!poll.stopped) poll.timer = setTimeout(tick, Math.max(0, poll.started + poll.probes * intervalMs - now));
  };
  current = poll;
  tick();
  return { pid: process.pid };
};

/** Stops probing, waits for the probes still out (each bounded by its timeout) and returns the figures. */
const finish = async (): Promise<PollResult> => {
  const poll = current;
  if (!poll) throw new Error('not polling');
  poll.stopped = true;
  clearTimeout(poll.timer);
  await Promise.all([...poll.pending]);
  current = undefined;
  return {
    probes: poll.probes,
    latencies: poll.latencies,
    failed: poll.failed,
    firstFailure: poll.firstFailure,
    wallMs: performance.now() - poll.started,
  };
};

const stop = () => {
  if (current) {
    current.stopped = true;
    clearTimeout(current.timer);
    current = undefined;
  }
  agent.destroy();
};

serveCommands({ start, finish, stop });
emitEvent('ready', { pid: process.pid });
