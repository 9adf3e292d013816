import autocannon from 'autocannon';
import { emitEvent, serveCommands } from '../lib/child-side.js';

export interface RestLoadArgs {
  readonly url: string;
  /** Each connection cycles through these. */
  readonly requests: ReadonlyArray<{ path: string; headers: Record<string, string>; body: string }>;
  readonly connections: number;
  readonly durationSeconds: number;
}

export interface RestLoadResult {
  readonly requestsPerSecond: number;
  readonly total: number;
  readonly ok2xx: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  readonly durationSeconds: number;
}

/** autocannon, closed loop: each connection sends its next request when the previous one is answered. */
const run = async ({ url, requests, connections, durationSeconds }: RestLoadArgs): Promise<RestLoadResult> => {
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    pipelining: 1,
    requests: requests.map((request) => ({
      method: 'POST',
      path: request.path,
      headers: { 'content-type': 'application/json', ...request.headers },
      body: request.body,
    })),
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    total: result.requests.total,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      mean: result.latency.mean,
      max: result.latency.max,
    },
    durationSeconds: result.duration,
  };
};

serveCommands({ run, stop: () => undefined });
emitEvent('ready', { pid: process.pid });
