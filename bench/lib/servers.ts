import path from 'node:path';
import { BenchChild } from './children.js';
import type { Target } from './targets.js';

export interface RunningServer {
  readonly child: BenchChild;
  readonly url: string;
  readonly adapters?: Record<string, string>;
}

export interface ServerMemory {
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
}

let profileDir: string | undefined;

/** With `--profile`, servers write a V8 CPU profile of each measured window here. */
export const setProfileDir = (dir: string): void => {
  profileDir = dir;
};

/** Runs `work` with the server's CPU profiled (only with `--profile`): `<dir>/<name>.cpuprofile`. */
export const profiled = async <T>(server: RunningServer, work: () => Promise<T>): Promise<T> => {
  if (!profileDir) return work();
  await server.child.call('profileStart');
  try {
    return await work();
  } finally {
    await server.child.call('profileStop', { file: path.join(profileDir, `${server.child.name}.cpuprofile`) });
  }
};

/** The app under test in its own process, configured for `target`; `extraEnv` overrides (e.g. BCRYPT_COST). */
export const startAppServer = async (
  target: Target,
  tag: string,
  extraEnv: Record<string, string> = {},
): Promise<RunningServer> => {
  const name = `app-${target.id}-${tag}`;
  const { child, ready } = await BenchChild.start<{ port: number; adapters: Record<string, string> }>(
    'servers/app-server.ts',
    { name, env: { ...target.env(tag), ...extraEnv }, readyTimeoutMs: 90_000 },
  );
  return { child, url: `http://127.0.0.1:${ready.port}`, adapters: ready.adapters };
};

/** `koa-headers`: the bare Koa route with the app's helmet and CORS middleware in front of it. */
export const startBareServer = async (kind: 'relay' | 'koa' | 'koa-headers'): Promise<RunningServer> => {
  const file = kind === 'relay' ? 'servers/bare-relay-server.ts' : 'servers/bare-koa-server.ts';
  const { child, ready } = await BenchChild.start<{ port: number }>(file, {
    name: `bare-${kind}`,
    ...(kind === 'koa-headers' ? { env: { BARE_KOA_HEADERS: 'app' } } : {}),
  });
  return { child, url: `http://127.0.0.1:${ready.port}` };
};

export const serverMemory = (server: RunningServer): Promise<ServerMemory> => server.child.call('memory');

/** CPU the server used since `before` (ms), and a new mark. */
export const serverCpu = async (
  server: RunningServer,
  before?: NodeJS.CpuUsage,
): Promise<{ mark: NodeJS.CpuUsage; usedMs: number }> => {
  const mark = await server.child.call<NodeJS.CpuUsage>('cpu');
  const usedMs = before ? (mark.user - before.user + mark.system - before.system) / 1000 : 0;
  return { mark, usedMs };
};

/** Starts `count` load generators of one kind. */
export const startLoadProcesses = (file: string, count: number, name: string): Promise<BenchChild[]> =>
  Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const { child } = await BenchChild.start(path.join('load', file), { name: `${name}-${i}` });
      return child;
    }),
  );
