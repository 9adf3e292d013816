import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = new URL('../../../scripts/check-duplicates.mjs', import.meta.url).pathname;

/** Six lines of logic; the second copy has other names, strings and numbers: the same shape. */
const original = [
  'export async function listOwn(store: Store, caller: Caller, raw: unknown) {',
  '  const query = decodeQuery(raw, 20);',
  "  if (query.kind === 'invalid') return failure('bad query', query.errors);",
  '  const page = await store.findByOwner(caller.userId, query.limit, query.cursor);',
  "  logger.info('listed', { owner: caller.userId, count: page.items.length });",
  '  const views = page.items.map((item) => toView(item, caller.userId));',
  '  return success({ items: views, next: page.next ?? null });',
  '}',
];
const renamed = [
  'export async function listShared(repository: Repository, viewer: Viewer, input: unknown) {',
  '  const filter = parseFilter(input, 50);',
  "  if (filter.kind === 'broken') return refusal('bad filter', filter.problems);",
  '  const result = await repository.findByMember(viewer.id, filter.size, filter.after);',
  "  log.debug('shared', { member: viewer.id, total: result.rows.length });",
  '  const shown = result.rows.map((row) => present(row, viewer.id));',
  '  return answer({ items: shown, next: result.after ?? null });',
  '}',
];

describe('the duplicate check (npm run lint)', () => {
  let dir: string;
  const write = (name: string, lines: string[]) =>
    writeFileSync(join(dir, 'src', name), ["import { x } from './x.js';", '', ...lines, ''].join('\n'));
  const check = () => spawnSync(process.execPath, [script, 'src'], { cwd: dir, encoding: 'utf8' });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'duplicate-check-'));
    mkdirSync(join(dir, 'src'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on two files sharing six lines of the same shape, naming both places', () => {
    write('own.ts', original.slice(0, 6));
    write('shared.ts', renamed.slice(0, 6));
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('src/own.ts:3-8 ~ src/shared.ts:3-8 (6 lines, shape)');
  });

  it('fails on the same lines copied to the letter, merged into one run', () => {
    write('own.ts', original);
    write('shared.ts', ['export const before = 1;', ...original]);
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('src/own.ts:3-9 ~ src/shared.ts:4-10 (7 lines)');
  });

  it('passes five shared lines', () => {
    write('own.ts', original.slice(0, 5));
    write('shared.ts', renamed.slice(0, 5));
    const result = check();
    expect(result.stdout).toContain('0 copied runs');
    expect(result.status).toBe(0);
  });

  it('passes declarations alike in shape: type members and object entries are boilerplate', () => {
    const members = (names: string[]) => [
      'export interface Thing {',
      ...names.map((name) => `  readonly ${name}: string;`),
      '}',
    ];
    write('a.ts', members(['id', 'name', 'email', 'city', 'zip', 'country', 'phone']));
    write('b.ts', members(['key', 'label', 'owner', 'town', 'code', 'region', 'fax']));
    expect(check().status).toBe(0);
  });

  it('passes registration tables: each entry a name, a list of names and a one-line factory', () => {
    const entries = (names: string[]) => [
      'export const table = {',
      ...names.flatMap((name) => [
        `  ${name}: uses(`,
        `    ['${name}Store', 'clock', 'logger'],`,
        `    (d) => new ${name}(d),`,
        '  ),',
      ]),
      '};',
    ];
    write('a.ts', entries(['alpha', 'beta', 'gamma']));
    write('b.ts', entries(['delta', 'epsilon', 'zeta']));
    expect(check().status).toBe(0);
  });
});
