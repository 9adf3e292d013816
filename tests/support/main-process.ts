import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = 'src/bootstrap/main.ts';

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Stdout and stderr as written, interleaved. */
  readonly output: string;
}

const collect = (child: ChildProcess): { output: () => string; finished: Promise<Finished> } => {
  let output = '';
  const add = (chunk: Buffer) => (output += chunk.toString('utf8'));
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  const finished = new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, output }));
  });
  return { output: () => output, finished };
};

/** Runs a command to its end, with exactly the environment given (and the repository as working directory). */
export const runCommand = (argv: readonly string[], env: Record<string, string>): Promise<Finished> => {
  const [command, ...args] = argv;
  // `node` in a container's health check is the runtime this suite runs on.
  const child = spawn(command === 'node' ? process.execPath : command!, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child).finished;
};

/** The backend's entry point (`main.ts`) as a child process, as a container runs it. */
export class MainProcess {
  private readonly child: ChildProcess;
  private readonly collected: ReturnType<typeof collect>;

  constructor(readonly env: Record<string, string>) {
    this.child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.collected = collect(this.child);
  }

  output(): string {
    return this.collected.output();
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves when the process has ended by itself. */
  get finished(): Promise<Finished> {
    return this.collected.finished;
  }

  /** SIGTERM (graceful shutdown) and its end. */
  async stop(): Promise<Finished> {
    if (this.running) this.child.kill('SIGTERM');
    return this.collected.finished;
  }
}
