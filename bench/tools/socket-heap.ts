import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { OpenArgs, OpenResult } from '../load/idle-sockets.js';
import { registerUsers } from '../lib/api-client.js';
import { sleep } from '../lib/budget.js';
import { startAppServer, startBareServer, startLoadProcesses, type RunningServer } from '../lib/servers.js';
import { EMBEDDED } from '../lib/targets.js';

/**
 * What an idle authenticated socket keeps in the server's JS heap, ours (the
 * embedded default) against bare Socket.IO: opens idle sockets on each from a
 * load process, writes a heap snapshot of the server before and after, and
 * prints the heap per socket and, per socket, the objects by kind (self size)
 * in which the two differ.
 *
 *   npx tsx bench/tools/socket-heap.ts [sockets] [snapshot-dir]
 */

const sockets = Number(process.argv[2] ?? 2_000);
const dir = path.resolve(process.argv[3] ?? 'bench/results/heap');
const USERS = 100;

interface HeapSnapshot {
  readonly snapshot: { readonly meta: { readonly node_fields: string[]; readonly node_types: [string[]] } };
  readonly nodes: number[];
  readonly strings: string[];
}

/** Self size and count per kind: the constructor or closure name for objects, the V8 type otherwise. */
const kindsOf = (file: string): Map<string, { count: number; bytes: number }> => {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as HeapSnapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const kinds = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    const type = types[heap.nodes[i + typeAt]!]!;
    const named = ['object', 'closure', 'array', 'hidden', 'native'].includes(type);
    const kind = named ? `${type} ${heap.strings[heap.nodes[i + nameAt]!]!.slice(0, 50)}` : type;
    const entry = kinds.get(kind) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += heap.nodes[i + sizeAt]!;
    kinds.set(kind, entry);
  }
  return kinds;
};

/** Per socket: what `after` holds beyond `before`, by kind. */
const perSocket = (before: string, after: string, count: number): Map<string, { count: number; bytes: number }> => {
  const [from, to] = [kindsOf(before), kindsOf(after)];
  const result = new Map<string, { count: number; bytes: number }>();
  for (const [kind, { count: n, bytes }] of to) {
    const base = from.get(kind) ?? { count: 0, bytes: 0 };
    result.set(kind, { count: (n - base.count) / count, bytes: (bytes - base.bytes) / count });
  }
  return result;
};

interface Measured {
  readonly label: string;
  readonly connected: number;
  readonly heapPerSocket: number;
  readonly kinds: Map<string, { count: number; bytes: number }>;
}

const measure = async (system: 'bare' | 'ours'): Promise<Measured> => {
  const server: RunningServer =
    system === 'bare' ? await startBareServer('relay') : await startAppServer(EMBEDDED, 'heap');
  const [load] = await startLoadProcesses('idle-sockets.ts', 1, `heap-sockets-${system}`);
  try {
    const auths =
      system === 'bare'
        ? Array.from({ length: USERS }, (_, i) => ({ room: `u${i}` }))
        : (await registerUsers(server.url, USERS, 'heap')).map((user) => ({ token: user.accessToken }));
    await sleep(500);
    const files = {
      before: path.join(dir, `${system}-before.heapsnapshot`),
      after: path.join(dir, `${system}-after.heapsnapshot`),
    };
    const heapBefore = await server.child.call<number>('heapSnapshot', { file: files.before }, 120_000);
    const opened = await load!.call<OpenResult>(
      'open',
      { url: server.url, auths, count: sockets, concurrency: 20, timeoutMs: 120_000 } satisfies OpenArgs,
      150_000,
    );
    await sleep(1_500);
    const heapAfter = await server.child.call<number>('heapSnapshot', { file: files.after }, 120_000);
    return {
      label: system === 'bare' ? 'bare Socket.IO' : EMBEDDED.label,
      connected: opened.connected,
      heapPerSocket: (heapAfter - heapBefore) / opened.connected,
      kinds: perSocket(files.before, files.after, opened.connected),
    };
  } finally {
    await load?.call('close').catch(() => undefined);
    await load?.stop(5_000);
    await server.child.stop(20_000);
  }
};

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KiB`;

mkdirSync(dir, { recursive: true });
const bare = await measure('bare');
const ours = await measure('ours');
for (const { label, connected, heapPerSocket, kinds } of [bare, ours]) {
  const self = [...kinds.values()].reduce((sum, { bytes }) => sum + bytes, 0);
  console.log(`${label}: ${connected} sockets, heap used ${kib(heapPerSocket)} per socket (self sizes ${kib(self)})`);
}
console.log(`ratio of heap used per socket: ${(ours.heapPerSocket / bare.heapPerSocket).toFixed(2)}\n`);
console.log('per socket, by kind: bare | ours | difference (bytes, count)');
const kinds = new Set([...bare.kinds.keys(), ...ours.kinds.keys()]);
const rows = [...kinds].map((kind) => {
  const [b, o] = [bare.kinds.get(kind), ours.kinds.get(kind)].map((k) => k ?? { count: 0, bytes: 0 }) as [
    { count: number; bytes: number },
    { count: number; bytes: number },
  ];
  return { kind, b, o, difference: o.bytes - b.bytes };
});
for (const { kind, b, o, difference } of rows
  .sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference))
  .slice(0, 25)) {
  const cell = ({ bytes, count }: { count: number; bytes: number }) =>
    `${bytes.toFixed(0).padStart(6)} B ${count.toFixed(2).padStart(5)}`;
  console.log(`${cell(b)} | ${cell(o)} | ${difference.toFixed(0).padStart(6)} B  ${kind}`);
}
process.exit(0);
