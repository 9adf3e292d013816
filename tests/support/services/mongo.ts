import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { access, constants, mkdtemp } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { freePort, waitForPort } from './free-port.js';
import type { LocalServer, ServiceLauncher } from './service-launcher.js';

const READY_TIMEOUT_MS = 30_000;
const KILL_AFTER_MS = 5_000;

type Flavour = 'mongod' | 'ferretdb' | 'ferretdb-wrapper';

interface Binary {
  readonly path: string;
  readonly flavour: Flavour;
}

const wrapperPath = (): string =>
  process.env.FERRETDB_BIN ?? path.join(homedir(), '.cache', 'chat-backend', 'ferretdb');

const isExecutable = (file: string): Promise<boolean> =>
  access(file, constants.X_OK).then(
    () => true,
    () => false,
  );

const onPath = async (name: string): Promise<string | null> => {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
};

/** Our wrapper (tools/ferretdb) takes Go-style `-listen`/`-dir`; a released FerretDB v1 takes `--listen-addr` etc. */
const ferretdbFlavour = (file: string): Promise<Flavour> =>
  new Promise((resolve) => {
    execFile(file, ['-h'], { timeout: 5_000 }, (_error, stdout, stderr) => {
      const help = `${stdout}${stderr}`;
      resolve(help.includes('-listen string') && help.includes('-dir string') ? 'ferretdb-wrapper' : 'ferretdb');
    });
  });

const findBinary = async (): Promise<Binary | null> => {
  const mongod = await onPath('mongod');
  if (mongod) return { path: mongod, flavour: 'mongod' };
  const ferretdb = await onPath('ferretdb');
  if (ferretdb) return { path: ferretdb, flavour: await ferretdbFlavour(ferretdb) };
  const wrapper = wrapperPath();
  if (await isExecutable(wrapper)) return { path: wrapper, flavour: 'ferretdb-wrapper' };
  return null;
};

const argsFor = (flavour: Flavour, port: number, dir: string): string[] => {
  switch (flavour) {
    case 'mongod':
      return ['--port', String(port), '--bind_ip', '127.0.0.1', '--dbpath', dir, '--quiet'];
    case 'ferretdb':
      return [
        `--listen-addr=127.0.0.1:${port}`,
        '--handler=sqlite',
        `--sqlite-url=file:${dir}/`,
        `--state-dir=${dir}`,
        '--telemetry=disable',
      ];
    case 'ferretdb-wrapper':
      return ['-listen', `127.0.0.1:${port}`, '-dir', dir];
  }
};

const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

const stopProcess = async (child: ChildProcess): Promise<void> => {
  if (hasExited(child)) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
  await gone;
  clearTimeout(timer);
};

const pings = async (url: string): Promise<boolean> => {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
};

const waitUntilReady = async (url: string, port: number, child: ChildProcess, output: () => string): Promise<void> => {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const exitedEarly = (): Error =>
    new Error(`exited (${child.exitCode ?? child.signalCode}): ${output().slice(-1_000)}`);
  await Promise.race([
    waitForPort(port, READY_TIMEOUT_MS),
    new Promise<never>((_, reject) => child.once('exit', () => reject(exitedEarly()))),
  ]);
  for (;;) {
    if (hasExited(child)) throw exitedEarly();
    if (await pings(url)) return;
    if (Date.now() > deadline) throw new Error(`no answer to ping on port ${port}: ${output().slice(-1_000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const startProcess = async (binary: Binary, url: string, port: number, dir: string): Promise<ChildProcess> => {
  const child = spawn(binary.path, argsFor(binary.flavour, port, dir), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.once('error', (error) => collect(Buffer.from(`spawn failed: ${error.message}`)));
  try {
    await waitUntilReady(url, port, child, () => output);
  } catch (error) {
    await stopProcess(child);
    throw new Error(`${path.basename(binary.path)} did not start: ${(error as Error).message}`);
  }
  return child;
};

/** Runs mongod, or FerretDB v1 (SQLite) when there is no mongod, on a free loopback port. */
export const mongoLauncher: ServiceLauncher = {
  name: 'mongo',
  envVar: 'MONGODB_URI',

  async unavailableReason() {
    if (await findBinary()) return null;
    return `no mongod or ferretdb on PATH, and no FerretDB wrapper at ${wrapperPath()} (FERRETDB_BIN; build it from tools/ferretdb)`;
  },

  async launch(): Promise<LocalServer> {
    const binary = await findBinary();
    if (!binary) throw new Error((await this.unavailableReason()) ?? 'no MongoDB server binary');
    const dir = await mkdtemp(path.join(tmpdir(), 'mongo-test-'));
    const port = await freePort();
    const url = `mongodb://127.0.0.1:${port}/?directConnection=true`;
    let child: ChildProcess | null = null;
    // The data directory outlives stop() (start() reuses it); it goes when the process that made it exits.
    process.once('exit', () => {
      if (child && !hasExited(child)) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });
    child = await startProcess(binary, url, port, dir).catch((error: unknown) => {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    });

    return {
      url,
      async stop() {
        if (!child) return;
        const running = child;
        child = null;
        await stopProcess(running);
      },
      async start() {
        if (child) return;
        child = await startProcess(binary, url, port, dir);
      },
    };
  },
};
