import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, constants, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { openSync, closeSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import amqplib from 'amqplib';
import { freePort } from './free-port.js';
import type { LocalServer, ServiceLauncher } from './service-launcher.js';

// The Debian /usr/sbin wrapper re-executes itself as the `rabbitmq` user with the system paths: use the real script.
const SERVER_SCRIPTS = [
  '/usr/lib/rabbitmq/bin/rabbitmq-server',
  '/usr/local/sbin/rabbitmq-server',
  '/opt/homebrew/sbin/rabbitmq-server',
];
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

const isExecutable = (file: string): Promise<boolean> =>
  access(file, constants.X_OK).then(
    () => true,
    () => false,
  );

const findServerScript = async (): Promise<string | undefined> => {
  for (const script of SERVER_SCRIPTS) if (await isExecutable(script)) return script;
  return undefined;
};

const findOnPath = async (binary: string): Promise<boolean> => {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && (await isExecutable(path.join(dir, binary)))) return true;
  }
  return false;
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const tail = async (file: string): Promise<string> => {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-15).join('\n');
};

const TEMP_PREFIX = 'chat-rabbitmq-';
const OWNER_FILE = 'owner.pid';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const pidIn = async (file: string): Promise<number | undefined> => {
  const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
};

/**
 * Vitest ends fork workers without an 'exit' event, so a worker's clean-up may never run: remove the directories of
 * earlier launches whose owning process and broker are both gone.
 */
const sweepAbandonedDirectories = async (): Promise<void> => {
  const entries = await readdir(os.tmpdir()).catch(() => [] as string[]);
  for (const entry of entries.filter((name) => name.startsWith(TEMP_PREFIX))) {
    const dir = path.join(os.tmpdir(), entry);
    const owner = await pidIn(path.join(dir, OWNER_FILE));
    const broker = await pidIn(path.join(dir, 'rabbitmq.pid'));
    if (owner === undefined || isAlive(owner) || (broker !== undefined && isAlive(broker))) continue;
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
};

/** A private RabbitMQ node: its own name, ports, data, logs and cookie, so the system service is never touched. */
class LocalRabbitmq implements LocalServer {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly script: string,
    private readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
    readonly url: string,
  ) {
    process.once('exit', () => {
      this.killGroup('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });
  }

  async start(): Promise<void> {
    if (this.child) return;
    const out = openSync(path.join(this.dir, 'stdout.log'), 'a');
    const child = spawn(this.script, [], { cwd: this.dir, env: this.env, detached: true, stdio: ['ignore', out, out] });
    closeSync(out);
    this.child = child;
    let exitCode: number | null | undefined;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        exitCode = code;
        if (this.child === child) this.child = undefined;
        resolve();
      }),
    );
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (exitCode !== undefined) {
        throw new Error(`rabbitmq-server exited with ${exitCode}:\n${await tail(path.join(this.dir, 'stdout.log'))}`);
      }
      try {
        const connection = await amqplib.connect(this.url, { timeout: 2_000 });
        await connection.close();
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          await this.stop();
          throw new Error(`rabbitmq-server not ready after ${READY_TIMEOUT_MS} ms: ${(error as Error).message}`);
        }
      }
      await sleep(250);
    }
  }

  async stop(): Promise<void> {
    if (!this.child) return;
    this.killGroup('SIGTERM');
    const escalation = setTimeout(() => this.killGroup('SIGKILL'), STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(escalation);
  }

  private killGroup(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  }
}

export const rabbitmqLauncher: ServiceLauncher = {
  name: 'rabbitmq',
  envVar: 'RABBITMQ_URL',

  async unavailableReason() {
    if (!(await findServerScript())) return `no rabbitmq-server found (looked in ${SERVER_SCRIPTS.join(', ')})`;
    if (!(await findOnPath('erl'))) return 'no Erlang runtime (erl) on PATH';
    return null;
  },

  async launch() {
    const script = await findServerScript();
    if (!script) throw new Error('no rabbitmq-server found');
    await sweepAbandonedDirectories();
    const dir = await mkdtemp(path.join(os.tmpdir(), TEMP_PREFIX));
    await writeFile(path.join(dir, OWNER_FILE), String(process.pid));
    const [port, distPort] = [await freePort(), await freePort()];
    const config = path.join(dir, 'rabbitmq.conf');
    await writeFile(
      config,
      [
        `listeners.tcp.default = 127.0.0.1:${port}`,
        // Test machines often have little free disk; the default limit would block every publisher.
        'disk_free_limit.absolute = 1MB',
        'log.console = false',
        'log.file.level = warning',
        '',
      ].join('\n'),
    );
    await writeFile(path.join(dir, 'enabled_plugins'), '');
    await writeFile(path.join(dir, 'rabbitmq-env.conf'), '');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: dir, // the Erlang cookie is created here
      RABBITMQ_NODENAME: `chat${randomBytes(4).toString('hex')}@localhost`,
      RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
      RABBITMQ_NODE_PORT: String(port),
      RABBITMQ_DIST_PORT: String(distPort),
      RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
      RABBITMQ_LOG_BASE: path.join(dir, 'log'),
      RABBITMQ_PID_FILE: path.join(dir, 'rabbitmq.pid'),
      RABBITMQ_ENABLED_PLUGINS_FILE: path.join(dir, 'enabled_plugins'),
      RABBITMQ_CONFIG_FILE: config,
      RABBITMQ_CONF_ENV_FILE: path.join(dir, 'rabbitmq-env.conf'),
    };
    const server = new LocalRabbitmq(script, dir, env, `amqp://guest:guest@127.0.0.1:${port}`);
    await server.start();
    return server;
  },
};
