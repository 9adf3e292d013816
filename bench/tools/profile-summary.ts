import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a V8 CPU profile (`npm run bench -- --profile` writes them to
 * bench/results/profiles) spent its samples: self time by package or source
 * folder, and the busiest functions.
 *
 *   npx tsx bench/tools/profile-summary.ts bench/results/profiles/app-embedded-relay.cpuprofile [top]
 */
interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly children?: number[];
}

interface Profile {
  readonly nodes: ProfileNode[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx bench/tools/profile-summary.ts FILE.cpuprofile [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const total = [...selfMs.values()].reduce((a, b) => a + b, 0);

const groupOf = (url: string, name: string): string => {
  if (!url) return name.startsWith('(') ? name : '(native/builtin)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1] as string;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const src = /\/(src|bench|tests)\/(.*)$/.exec(url);
  if (src) return `${src[1]}/${path.dirname(src[2] as string)}`;
  return url;
};

const groups = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const node = byId.get(id);
  if (!node) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const group = groupOf(url, functionName);
  groups.set(group, (groups.get(group) ?? 0) + ms);
  const key = `${functionName || '(anonymous)'}  ${url ? `${groupOf(url, '')}:${path.basename(url)}:${lineNumber + 1}` : ''}`;
  functions.set(key, (functions.get(key) ?? 0) + ms);
}

const show = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, ms] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * ms) / total).toFixed(1).padStart(6)}%  ${ms.toFixed(0).padStart(7)} ms  ${key}`);
  }
};
console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled`);
show('self time by package or folder', groups);
show('self time by function', functions);
