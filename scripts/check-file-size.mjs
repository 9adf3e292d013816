#!/usr/bin/env node
// Fails when a hand-written source file has more than 300 lines: split it by responsibility.
// Usage: node scripts/check-file-size.mjs [--max N] [dir ...]   (dirs relative to the working directory)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const DEFAULT_DIRS = ['src', 'bench', 'client', 'demo', 'tests', 'tools', 'scripts', 'deploy'];
const SOURCE = /\.(ts|mts|cts|tsx|js|mjs|cjs|jsx)$/;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** Written by a command, never by hand: `npm run client:types` and `npm run build:client`. */
const GENERATED = ['client/src/generated/', 'client/dist/'];

const sourceFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(path);
    return entry.isFile() && SOURCE.test(entry.name) ? [path] : [];
  });

const lineCount = (text) => (text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));

const argv = process.argv.slice(2);
const maxIndex = argv.indexOf('--max');
const max = maxIndex >= 0 ? Number(argv[maxIndex + 1]) : 300;
const dirs = argv.filter((arg, index) => !arg.startsWith('--') && (maxIndex < 0 || index !== maxIndex + 1));
const roots = (dirs.length > 0 ? dirs : DEFAULT_DIRS).filter((dir) => existsSync(dir));

const files = roots
  .flatMap(sourceFiles)
  .map((file) => relative(process.cwd(), file).split(sep).join('/'))
  .filter((file) => !GENERATED.some((prefix) => file.startsWith(prefix)));
const tooLong = files
  .map((file) => ({ file, lines: lineCount(readFileSync(file, 'utf8')) }))
  .filter(({ lines }) => lines > max)
  .sort((a, b) => b.lines - a.lines);

for (const { file, lines } of tooLong) console.error(`${file}: ${lines} lines (at most ${max})`);
console.log(`${tooLong.length} of ${files.length} source files under ${roots.join(', ')} over ${max} lines`);
if (tooLong.length > 0) process.exitCode = 1;
