import { fork, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIpcMessage, type IpcEvent } from './ipc-protocol.js';

const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const KILL_GRACE_MS = 3_000;

export interface ChildOptions {
  /** Shown in errors and the log. */
  readonly name: string;
  /** Added to the parent's environment. */
  readonly env?: Record<string, string>;
  /** Extra Node flags, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
  /** How long to wait for the child's `ready` event. */
  readonly readyTimeoutMs?: number;
}

/** Every child of this run, so a failure, a deadline or Ctrl-C ends them all. */
const running = new Set<BenchChild>();
let logFile: string | undefined;

/** Children's output goes here (appended), not to the terminal. */
export const setChildLog = (file: string): void => {
  logFile = file;
};

const log = (line: string): void => {
  if (logFile) appendFileSync(logFile, line.endsWith('\n') ? line : `${line}\n`);
};

/** A forked TypeScript child (bench/servers or bench/load) that answers commands over IPC. */
export class BenchChild {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly listeners = new Set<(event: IpcEvent) => void>();
  private output = '';
  private readonly exited: Promise<void>;
  private exitReason: string | undefined;

  private constructor(
    readonly name: string,
    private readonly proc: ChildProcess,
  ) {
    const collect = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      this.output = (this.output + text).slice(-4_000);
      log(text.replace(/^(?=.)/gm, `[${name}] `));
    };
    proc.stdout?.on('data', collect);
    proc.stderr?.on('data', collect);
    proc.on('message', (raw: unknown) => {
      if (!isIpcMessage(raw)) return;
      if (raw.kind === 'response') {
        const waiter = this.pending.get(raw.id);
        if (!waiter) return;
        this.pending.delete(raw.id);
        if (raw.ok) waiter.resolve(raw.result);
        else waiter.reject(new Error(`${name}: ${raw.error ?? 'failed'}`));
      } else if (raw.kind === 'event') {
        for (const listener of this.listeners) listener(raw);
      }
    });
    this.exited = new Promise((resolve) =>
      proc.once('exit', (code, signal) => {
        this.exitReason = `exited (${signal ?? code})`;
        running.delete(this);
        const failure = new Error(`${name} ${this.exitReason}: ${this.output.slice(-1_500)}`);
        for (const waiter of this.pending.values()) waiter.reject(failure);
        this.pending.clear();
        resolve();
      }),
    );
  }

  /** Forks `bench/<file>` under tsx and waits for its `ready` event; resolves with the event's data. */
  static async start<Ready = unknown>(
    file: string,
    options: ChildOptions,
  ): Promise<{ child: BenchChild; ready: Ready }> {
    const child = fork(path.join(BENCH_DIR, file), [], {
      execArgv: ['--import', 'tsx', '--expose-gc', ...(options.nodeFlags ?? [])],
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const handle = new BenchChild(options.name, child);
    running.add(handle);
    try {
      const ready = await handle.waitForEvent<Ready>('ready', options.readyTimeoutMs ?? 60_000);
      return { child: handle, ready };
    } catch (error) {
      await handle.stop();
      throw error;
    }
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  /** Runs a command in the child; rejects after `timeoutMs` or when the child dies. */
  call<T>(cmd: string, args?: unknown, timeoutMs = 60_000): Promise<T> {
    if (this.exitReason) return Promise.reject(new Error(`${this.name} ${this.exitReason}`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}: ${cmd} took longer than ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.proc.send({ kind: 'request', id, cmd, args });
    });
  }

  onEvent(listener: (event: IpcEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  waitForEvent<T>(event: string, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`${this.name}: no ${event} within ${timeoutMs} ms: ${this.output.slice(-1_500)}`));
      }, timeoutMs);
      const off = this.onEvent((message) => {
        if (message.event !== event) return;
        clearTimeout(timer);
        off();
        resolve(message.data as T);
      });
      void this.exited.then(() => {
        clearTimeout(timer);
        off();
        reject(new Error(`${this.name} ${this.exitReason} before ${event}: ${this.output.slice(-1_500)}`));
      });
    });
  }

  /** Asks the child to stop (its `stop` command, when it has one), then ends it: SIGTERM, then SIGKILL. */
  async stop(gracefulMs = 10_000): Promise<void> {
    if (this.exitReason) return;
    await this.call('stop', undefined, gracefulMs).catch(() => undefined);
    this.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), KILL_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }

  kill(signal: NodeJS.Signals): void {
    if (this.exitReason) return;
    try {
      this.proc.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Ends every child of this run at once (deadline, failure, Ctrl-C). */
export const killAllChildren = (): void => {
  for (const child of running) child.kill('SIGKILL');
};

export const runningChildren = (): number => running.size;
