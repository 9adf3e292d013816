import { spawn, type ChildProcess } from 'node:child_process';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.js';
import type { LocalServer, ServiceLauncher } from './service-launcher.js';

const REDIS_SERVER = '/usr/bin/redis-server';
const READY_TIMEOUT_MS = 15_000;
const KILL_AFTER_MS = 5_000;

/** Sends one inline PING and resolves true on `+PONG`. */
const pingOnce = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.once('error', () => done(false));
  });

const waitForPing = async (port: number, child: ChildProcess, output: () => string): Promise<void> => {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`redis-server exited (${child.exitCode ?? child.signalCode}): ${output().slice(-500)}`);
    }
    if (await pingOnce(port)) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not answer PING on port ${port}: ${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

const stopProcess = async (child: ChildProcess): Promise<void> => {
  const gone = exited(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
  await gone;
  clearTimeout(timer);
};

const startProcess = async (port: number, dir: string): Promise<ChildProcess> => {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  try {
    await waitForPing(port, child, () => output);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return child;
};

/** Runs `redis-server` without persistence on a free loopback port. */
export const redisLauncher: ServiceLauncher = {
  name: 'redis',
  envVar: 'REDIS_URL',

  async unavailableReason() {
    try {
      await access(REDIS_SERVER);
      return null;
    } catch {
      return `${REDIS_SERVER} is not installed (apt-get install redis-server)`;
    }
  },

  async launch(): Promise<LocalServer> {
    const dir = await mkdtemp(path.join(tmpdir(), 'redis-test-'));
    const port = await freePort();
    let child: ChildProcess | null = await startProcess(port, dir).catch(async (error: unknown) => {
      await rm(dir, { recursive: true, force: true });
      throw error;
    });

    return {
      url: `redis://127.0.0.1:${port}`,
      async stop() {
        if (!child) return;
        const running = child;
        child = null;
        await stopProcess(running);
        // Nothing is persisted (--save ''), so the directory is empty: remove it so a final stop leaves nothing behind.
        await rm(dir, { recursive: true, force: true });
      },
      async start() {
        if (child) return;
        await mkdir(dir, { recursive: true });
        child = await startProcess(port, dir);
      },
    };
  },
};
