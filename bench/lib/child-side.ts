import { isIpcMessage, type IpcEvent, type IpcResponse } from './ipc-protocol.js';

/** Arguments come from bench/run.ts over IPC: the same program, so they are trusted to have the declared shape. */
export type CommandHandler = (args: never) => unknown;

const send = (message: IpcResponse | IpcEvent): void => {
  process.send?.(message);
};

/** Tells the parent something without being asked (e.g. `ready`). */
export const emitEvent = (event: string, data?: unknown): void => send({ kind: 'event', event, data });

/**
 * Serves the parent's requests with `handlers`, one command each. The child
 * exits when the parent goes away, so no load generator outlives a run.
 */
export const serveCommands = (handlers: Record<string, CommandHandler>): void => {
  if (!process.send) throw new Error('this file runs as a child of bench/run.ts (IPC channel missing)');
  process.on('disconnect', () => process.exit(0));
  // A normal exit, so a --cpu-prof profile gets written.
  process.on('SIGTERM', () => process.exit(0));
  process.on('message', (raw: unknown) => {
    if (!isIpcMessage(raw) || raw.kind !== 'request') return;
    const handler = handlers[raw.cmd];
    if (!handler) {
      send({ kind: 'response', id: raw.id, ok: false, error: `unknown command ${raw.cmd}` });
      return;
    }
    Promise.resolve()
      .then(() => (handler as (args: unknown) => unknown)(raw.args))
      .then(
        (result) => send({ kind: 'response', id: raw.id, ok: true, result }),
        (error: unknown) =>
          send({
            kind: 'response',
            id: raw.id,
            ok: false,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          }),
      );
  });
};

/** The process's memory after a full collection (the child runs with --expose-gc). */
export const measuredMemory = async (): Promise<NodeJS.MemoryUsage> => {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i += 1) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return process.memoryUsage();
};

let profiler: import('node:inspector/promises').Session | undefined;

/** V8 CPU profiling of this process's main thread for a window the parent chooses (`--profile`), and heap snapshots. */
export const profilingCommands: Record<string, CommandHandler> = {
  /** Writes a heap snapshot after a full collection; returns the heap used then. */
  heapSnapshot: async (args: { file: string }) => {
    const { heapUsed } = await measuredMemory();
    const { writeHeapSnapshot } = await import('node:v8');
    writeHeapSnapshot(args.file);
    return heapUsed;
  },
  profileStart: async () => {
    const { Session } = await import('node:inspector/promises');
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.post('Profiler.start');
  },
  profileStop: async (args: { file: string }) => {
    if (!profiler) return;
    const { profile } = await profiler.post('Profiler.stop');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(args.file, JSON.stringify(profile));
    profiler.disconnect();
    profiler = undefined;
  },
};
