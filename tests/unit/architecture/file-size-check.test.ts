import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = new URL('../../../scripts/check-file-size.mjs', import.meta.url).pathname;

const linesOf = (count: number): string =>
  Array.from({ length: count }, (_, index) => `export const value${index} = ${index};\n`).join('');

describe('the file size check (npm run lint)', () => {
  let dir: string;
  const check = () => spawnSync(process.execPath, [script, 'src', 'client'], { cwd: dir, encoding: 'utf8' });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'file-size-check-'));
    mkdirSync(join(dir, 'src'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a file of 300 lines', () => {
    writeFileSync(join(dir, 'src', 'at-limit.ts'), linesOf(300));
    const result = check();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails on a file of 301 lines, naming it and its count', () => {
    writeFileSync(join(dir, 'src', 'at-limit.ts'), linesOf(300));
    mkdirSync(join(dir, 'src', 'nested'));
    writeFileSync(join(dir, 'src', 'nested', 'too-long.mjs'), linesOf(301));
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual(['src/nested/too-long.mjs: 301 lines (at most 300)']);
  });

  it('leaves generated files out', () => {
    mkdirSync(join(dir, 'client', 'src', 'generated'), { recursive: true });
    writeFileSync(join(dir, 'client', 'src', 'generated', 'rest-api.ts'), linesOf(3000));
    expect(check().status).toBe(0);
  });
});
