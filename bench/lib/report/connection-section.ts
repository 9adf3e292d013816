import type { BenchResults } from '../results.js';
import { kib, mib, n, secs, table } from './figures.js';

/** Section 3: idle connections and their memory. */
export const connectionSection = (r: BenchResults): string => {
  const s = r.settings.connections;
  return [
    '## 3. Idle connections',
    '',
    `${n(s.sockets)} WebSocket connections opened from ${s.loadProcesses} load processes, ${s.concurrency} handshakes ` +
      `in flight per process. Ours: each handshake carries an access token (verified, its session checked in memory, ` +
      `and its place under SOCKETS_PER_USER taken with its presence lease in one presence-store call), the ` +
      `sockets spread over ${s.users} registered users (their tokens reused, like open tabs; presence is kept per ` +
      'socket). Baseline: bare Socket.IO, no auth. Memory is the server process alone, read after a forced GC before ' +
      `the first connect and ${s.settleMs / 1000} s after the last.`,
    '',
    table(
      [
        'system',
        'connected',
        'still up',
        'failed',
        'time to connect',
        'connects/s',
        'RSS before',
        'RSS after',
        'RSS/socket',
        'heap/socket',
      ],
      r.connections.map((run) => [
        run.label,
        n(run.connected),
        n(run.stillConnected),
        run.failed > 0 ? `${n(run.failed)} (${run.firstError})` : '0',
        secs(run.connectMs),
        n(run.connectsPerSecond),
        mib(run.rssBefore),
        mib(run.rssAfter),
        kib(run.rssPerSocket),
        kib(run.heapPerSocket),
      ]),
    ),
    '',
  ].join('\n');
};
