import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { emitEvent, serveCommands } from '../lib/child-side.js';
import { openSocket } from './open-sockets.js';

export interface OpenArgs {
  readonly url: string;
  /** Cycled through: socket i uses auths[i % auths.length]. */
  readonly auths: readonly Record<string, string>[];
  readonly count: number;
  /** Handshakes in flight at once. */
  readonly concurrency: number;
  /** Gives up (and reports what it has) after this long. */
  readonly timeoutMs: number;
}

export interface OpenResult {
  readonly connected: number;
  readonly failed: number;
  readonly firstError: string | null;
  /** From the command's arrival to the last socket connected. */
  readonly ms: number;
}

const sockets: Socket[] = [];

const open = async ({ url, auths, count, concurrency, timeoutMs }: OpenArgs): Promise<OpenResult> => {
  const started = performance.now();
  const deadline = started + timeoutMs;
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      try {
        sockets.push(await openSocket(url, auths[i % auths.length] as Record<string, string>));
      } catch (error) {
        failed += 1;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { connected: sockets.filter((s) => s.connected).length, failed, firstError, ms: performance.now() - started };
};

/** Sockets still connected: a server that drops idle sockets shows here. */
const count = () => sockets.filter((s) => s.connected).length;

const close = () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
};

serveCommands({ open, count, close, stop: close });
emitEvent('ready', { pid: process.pid });
