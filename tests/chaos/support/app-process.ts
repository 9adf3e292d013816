import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { restCall } from './rest-call.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = 'src/bootstrap/main.ts';

/** What `/health/ready` answers: the status and body, or why nothing came back. */
export const readiness = async (url: string, timeoutMs = 5_000): Promise<string> => {
  try {
    const reply = await restCall(url, 'GET', '/health/ready', { timeoutMs });
    return `${reply.status} ${JSON.stringify(reply.body)}`;
  } catch (error) {
    return `no answer: ${(error as Error).cause ?? (error as Error).message}`;
  }
};

/** True when the process answers `/health/ready` with 200 (it bounds its own checks, so a slow answer is a no). */
export const isReady = async (url: string, timeoutMs = 5_000): Promise<boolean> =>
  (await readiness(url, timeoutMs)).startsWith('200 ');

/**
 * The backend as a real child process (`node --import tsx`, one process, so
 * SIGKILL leaves no orphan), on a fixed port so a restart comes back at the
 * same address.
 */
export class AppProcess {
  readonly url: string;
  /** Every exit the test did not cause, with the output before it: the suite expects none. */
  readonly crashes: string[] = [];
  private child: ChildProcess | null = null;
  private readonly killing = new WeakSet<ChildProcess>();
  private output = '';

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Spawns the process; it is not ready yet (see `start`). */
  spawn(): void {
    if (this.child) throw new Error(`${this.name} is already running`);
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      if (!this.killing.has(child)) {
        this.crashes.push(`${this.name} exited by itself (${signal ?? `code ${code}`}):\n${this.recentOutput()}`);
      }
    });
  }

  /** Spawns the process and resolves once it is ready; rejects if it exits first or is not ready in time. */
  async start(timeoutMs = 60_000): Promise<void> {
    this.spawn();
    const child = this.child;
    const deadline = Date.now() + timeoutMs;
    while (!(await isReady(this.url))) {
      if (this.child !== child) throw new Error(`${this.name} exited while starting:\n${this.recentOutput()}`);
      if (Date.now() > deadline)
        throw new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.recentOutput()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** `kill -9`, and waits until the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.killing.add(child);
    child.kill('SIGKILL');
    await gone;
  }

  /** The last lines the process wrote (warnings and errors only, at LOG_LEVEL=warn). */
  recentOutput(): string {
    return this.output.split('\n').slice(-40).join('\n');
  }
}
