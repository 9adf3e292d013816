import type { PollArgs, PollResult } from '../load/health-poller.js';
import type { FloodArgs, FloodConnectArgs, FloodConnectResult, FloodResult } from '../load/socket-flood.js';
import { postJson, registerUsers } from '../lib/api-client.js';
import { sleep } from '../lib/budget.js';
import type { BenchChild } from '../lib/children.js';
import { profiled, serverCpu, startAppServer, startLoadProcesses } from '../lib/servers.js';
import { percentilesOf, type Percentiles } from '../lib/stats.js';
import type { Target } from '../lib/targets.js';

export interface FloodSettings {
  /** Sockets the flooding user asks for (the default per-user cap); refused ones are counted, the rest flood. */
  readonly sockets: number;
  /** The other client probes `GET /health/live` once every this many ms. */
  readonly pollIntervalMs: number;
  readonly probeTimeoutMs: number;
  /** Probing with the flood's sockets open and silent. */
  readonly idleMs: number;
  /** Sending time of the flood (answers still out are then awaited up to `drainMs`). */
  readonly floodMs: number;
  readonly drainMs: number;
  /** Bound on the flood's events, whatever the duration. */
  readonly maxEvents: number;
  /** Unanswered events each socket keeps out at once. */
  readonly inFlightPerSocket: number;
  /** Pause after the sockets connect, before the idle probes. */
  readonly settleMs: number;
}

export interface ProbeFigures extends Percentiles {
  readonly probes: number;
  readonly failed: number;
  readonly firstFailure: string | null;
  readonly windowMs: number;
}

export interface FloodRun {
  readonly system: Target['id'];
  readonly label: string;
  readonly connect: FloodConnectResult;
  readonly idle: ProbeFigures;
  readonly flood: ProbeFigures;
  /** Flood p99 ÷ idle p99 of the other client's probes. */
  readonly p99Ratio: number;
  readonly events: Omit<FloodResult, 'cpuMs'>;
  /** Events answered (either way) per second of the flood. */
  readonly answeredPerSecond: number;
  /** Server CPU over the flood, % of one core. */
  readonly serverCpuPct: number;
  /** The flooding process's CPU, % of one core: near 100 means it, not the server, set the pace. */
  readonly floodCpuPct: number;
}

const figures = (result: PollResult): ProbeFigures => ({
  ...percentilesOf(result.latencies),
  probes: result.probes,
  failed: result.failed,
  firstFailure: result.firstFailure,
  windowMs: result.wallMs,
});

const describe = (f: ProbeFigures): string =>
  `p50 ${f.p50.toFixed(1)} p99 ${f.p99.toFixed(1)} max ${f.max.toFixed(1)} ms over ${f.probes} probes` +
  (f.failed > 0 ? `, ${f.failed} failed (${f.firstFailure})` : '');

/**
 * Scenario 6: another client's `GET /health/live` latency, first while one
 * user's sockets sit idle, then while every one of them sends events as fast
 * as the server answers. The poller and the flood are separate processes.
 */
export const runSocketFlood = async (
  target: Target,
  settings: FloodSettings,
  log: (line: string) => void,
): Promise<FloodRun> => {
  const server = await startAppServer(target, 'flood');
  const loads: BenchChild[] = [];
  try {
    loads.push(...(await startLoadProcesses('health-poller.ts', 1, 'health-poller')));
    loads.push(...(await startLoadProcesses('socket-flood.ts', 1, 'socket-flood')));
    const [poller, flooder] = loads;
    const [user, partner] = await registerUsers(server.url, 2, 'flood');
    // The conversation exists before the flood, so typing_start has one to announce in.
    const { conversation } = await postJson<{ conversation: { id: string } }>(
      `${server.url}/api/messages/send`,
      { receiverId: partner!.id, content: 'hello before the flood' },
      user!.accessToken,
    );
    const connect = await flooder!.call<FloodConnectResult>(
      'connect',
      { url: server.url, token: user!.accessToken, sockets: settings.sockets } satisfies FloodConnectArgs,
      120_000,
    );
    log(
      `    ${connect.connected}/${settings.sockets} sockets of one user connected` +
        (connect.refused > 0 ? `, ${connect.refused} refused (too_many_connections)` : '') +
        (connect.failed > 0 ? `, ${connect.failed} failed (${connect.firstError})` : ''),
    );
    if (connect.connected === 0) throw new Error(`no flood socket connected: ${connect.firstError ?? 'all refused'}`);
    await sleep(settings.settleMs);

    const pollArgs: PollArgs = {
      url: server.url,
      intervalMs: settings.pollIntervalMs,
      timeoutMs: settings.probeTimeoutMs,
    };
    const probeWait = settings.probeTimeoutMs + 30_000;
    await poller!.call('start', pollArgs);
    await sleep(settings.idleMs);
    const idle = figures(await poller!.call<PollResult>('finish', undefined, probeWait));
    log(`    idle: ${describe(idle)}`);

    const before = await serverCpu(server);
    await poller!.call('start', pollArgs);
    const events = await profiled(server, () =>
      flooder!.call<FloodResult>(
        'flood',
        {
          receiverId: partner!.id,
          conversationId: conversation.id,
          durationMs: settings.floodMs,
          maxEvents: settings.maxEvents,
          inFlightPerSocket: settings.inFlightPerSocket,
          drainMs: settings.drainMs,
        } satisfies FloodArgs,
        settings.floodMs + settings.drainMs + 30_000,
      ),
    );
    const flood = figures(await poller!.call<PollResult>('finish', undefined, probeWait));
    const after = await serverCpu(server, before.mark);
    const { cpuMs, ...counts } = events;
    const others = Object.entries(events.otherRefusals).map(([code, count]) => `${count} ${code}`);
    const run: FloodRun = {
      system: target.id,
      label: target.label,
      connect,
      idle,
      flood,
      p99Ratio: flood.p99 / idle.p99,
      events: counts,
      answeredPerSecond: (events.sent - events.unanswered) / (events.wallMs / 1000),
      serverCpuPct: (100 * after.usedMs) / flood.windowMs,
      floodCpuPct: (100 * cpuMs) / events.wallMs,
    };
    log(
      `    flood: ${describe(flood)}; p99 ${run.p99Ratio.toFixed(2)}× idle; ${events.sent} events from ` +
        `${events.sockets} sockets in ${(events.sendMs / 1000).toFixed(1)} s: ${events.accepted} accepted, ` +
        `${events.rateLimited} RATE_LIMITED` +
        (others.length > 0 ? `, ${others.join(', ')}` : '') +
        (events.unanswered > 0 ? `, ${events.unanswered} unanswered` : '') +
        (events.disconnected > 0 ? `; ${events.disconnected} sockets dropped by the server` : '') +
        `; server CPU ${run.serverCpuPct.toFixed(0)}%, flood process CPU ${run.floodCpuPct.toFixed(0)}%`,
    );
    return run;
  } finally {
    await Promise.all(loads.map((load) => load.stop(5_000)));
    await server.child.stop();
  }
};
