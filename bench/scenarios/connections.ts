import type { OpenArgs, OpenResult } from '../load/idle-sockets.js';
import { registerUsers } from '../lib/api-client.js';
import { sleep } from '../lib/budget.js';
import { profiled, serverMemory, startAppServer, startBareServer, startLoadProcesses } from '../lib/servers.js';
import { sum } from '../lib/stats.js';
import type { Target } from '../lib/targets.js';

export interface ConnectionSettings {
  readonly sockets: number;
  /** Our sockets are spread evenly over this many registered users (their tokens reused, like open tabs). */
  readonly users: number;
  readonly loadProcesses: number;
  /** Handshakes in flight per load process. */
  readonly concurrency: number;
  readonly timeoutMs: number;
  /** Idle time after the last connect before memory is read (and sockets counted again). */
  readonly settleMs: number;
}

export interface ConnectionRun {
  readonly system: 'bare' | Target['id'];
  readonly label: string;
  readonly requested: number;
  readonly connected: number;
  /** Still connected after the idle settle time. */
  readonly stillConnected: number;
  readonly failed: number;
  readonly firstError: string | null;
  /** Until every load process had its last socket connected. */
  readonly connectMs: number;
  readonly connectsPerSecond: number;
  readonly rssBefore: number;
  readonly rssAfter: number;
  readonly heapBefore: number;
  readonly heapAfter: number;
  /** (RSS after − RSS before) / sockets, bytes. */
  readonly rssPerSocket: number;
  readonly heapPerSocket: number;
}

/** Scenario 3: opens many authenticated idle sockets from separate processes; time to connect, memory per socket. */
export const runConnections = async (
  system: 'bare' | Target,
  settings: ConnectionSettings,
  log: (line: string) => void,
): Promise<ConnectionRun> => {
  const isBare = system === 'bare';
  const label = isBare ? 'bare Socket.IO' : system.label;
  const server = isBare ? await startBareServer('relay') : await startAppServer(system, 'conn');
  const loads = await startLoadProcesses('idle-sockets.ts', settings.loadProcesses, 'idle-sockets');
  try {
    const auths = isBare
      ? Array.from({ length: settings.users }, (_, i) => ({ room: `u${i}` }))
      : (await registerUsers(server.url, settings.users, 'conn')).map((user) => ({ token: user.accessToken }));
    await sleep(500);
    const before = await serverMemory(server);
    const share = Math.ceil(settings.sockets / loads.length);
    const results = await profiled(server, () =>
      Promise.all(
        loads.map((load, i) =>
          load.call<OpenResult>(
            'open',
            {
              url: server.url,
              // Each process starts at its own offset so users get sockets from every process.
              auths: auths.map((_, j) => auths[(j + i * share) % auths.length]!),
              count: Math.min(share, settings.sockets - i * share),
              concurrency: settings.concurrency,
              timeoutMs: settings.timeoutMs,
            } satisfies OpenArgs,
            settings.timeoutMs + 30_000,
          ),
        ),
      ),
    );
    const connectMs = Math.max(...results.map((r) => r.ms));
    const connected = sum(results.map((r) => r.connected));
    await sleep(settings.settleMs);
    const after = await serverMemory(server);
    const stillConnected = sum(await Promise.all(loads.map((load) => load.call<number>('count'))));
    const run: ConnectionRun = {
      system: isBare ? 'bare' : system.id,
      label,
      requested: settings.sockets,
      connected,
      stillConnected,
      failed: sum(results.map((r) => r.failed)),
      firstError: results.find((r) => r.firstError)?.firstError ?? null,
      connectMs,
      connectsPerSecond: connected / (connectMs / 1000),
      rssBefore: before.rss,
      rssAfter: after.rss,
      heapBefore: before.heapUsed,
      heapAfter: after.heapUsed,
      rssPerSocket: connected > 0 ? (after.rss - before.rss) / connected : NaN,
      heapPerSocket: connected > 0 ? (after.heapUsed - before.heapUsed) / connected : NaN,
    };
    log(
      `    ${label}: ${connected}/${settings.sockets} connected in ${(connectMs / 1000).toFixed(1)} s ` +
        `(${run.connectsPerSecond.toFixed(0)}/s), ${stillConnected} still up; RSS ` +
        `${(after.rss / 2 ** 20).toFixed(0)} MiB, ${(run.rssPerSocket / 1024).toFixed(1)} KiB RSS and ` +
        `${(run.heapPerSocket / 1024).toFixed(1)} KiB heap per socket` +
        (run.failed > 0 ? `; ${run.failed} failed: ${run.firstError}` : ''),
    );
    return run;
  } finally {
    await Promise.all(loads.map((load) => load.call('close').catch(() => undefined)));
    await Promise.all(loads.map((load) => load.stop(5_000)));
    await server.child.stop(20_000);
  }
};
