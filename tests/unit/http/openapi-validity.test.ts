import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../src/adapters/http/openapi/openapi-document.js';

const run = promisify(execFile);
const REDOCLY = resolve('node_modules/.bin/redocly');
const CONFIG = resolve('redocly.yaml');

interface LintReport {
  readonly totals: { readonly errors: number; readonly warnings: number; readonly ignored: number };
  readonly problems: ReadonlyArray<{
    readonly ruleId: string;
    readonly severity: string;
    readonly message: string;
    readonly location: ReadonlyArray<{ readonly pointer?: string }>;
  }>;
}

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openapi-lint-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** `redocly lint` with the repository's redocly.yaml (recommended rules) on `document`, as its JSON report. */
const redoclyLint = async (name: string, document: object): Promise<LintReport> => {
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(document, null, 2));
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  // Exit status 1 means "errors found"; the report on stdout says which.
  const { stdout, stderr } = await run(
    REDOCLY,
    ['lint', file, `--config=${CONFIG}`, '--lint-config=error', '--format=json', '--max-problems=1000'],
    { env, maxBuffer: 16 * 1024 * 1024, timeout: 90_000 },
  ).catch((error: { stdout?: string; stderr?: string; code?: unknown }) => {
    if (error.code !== 1 || !error.stdout) throw error;
    return { stdout: error.stdout, stderr: error.stderr ?? '' };
  });
  const start = stdout.indexOf('{');
  if (start < 0) throw new Error(`redocly printed no report:\n${stdout}\n${stderr}`);
  return JSON.parse(stdout.slice(start)) as LintReport;
};

const describeProblems = (report: LintReport): string[] =>
  report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);

describe('the OpenAPI document is valid', () => {
  it('for swagger-parser', async () => {
    // validate() dereferences what it is given: hand it a copy.
    await expect(SwaggerParser.validate(structuredClone(openApiDocument) as never)).resolves.toBeTruthy();
  });

  it('for swagger-parser, which does reject a broken copy', async () => {
    const broken = structuredClone(openApiDocument) as unknown as { components: { schemas: Record<string, object> } };
    broken.components.schemas.LogoutRequest = { type: 'object', required: [] };
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow(/required/);
  });

  it('for redocly lint with the recommended rules: no error and no warning', { timeout: 120_000 }, async () => {
    const report = await redoclyLint('openapi', openApiDocument);
    expect(describeProblems(report)).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });

  it('for redocly lint, which does report the problems of a broken copy', { timeout: 120_000 }, async () => {
    const broken = structuredClone(openApiDocument) as unknown as {
      servers?: unknown;
      paths: Record<string, Record<string, { operationId?: string; security?: unknown; responses: object }>>;
    };
    delete broken.servers;
    const me = broken.paths['/api/auth/me']!.get!;
    delete me.operationId;
    delete me.security;
    me.responses = Object.fromEntries(Object.entries(me.responses).filter(([status]) => !status.startsWith('4')));
    const report = await redoclyLint('broken', broken);
    const rules = report.problems.map((p) => p.ruleId);
    expect(rules).toEqual(
      expect.arrayContaining([
        'no-empty-servers',
        'security-defined',
        'operation-operationId',
        'rule/api-operation-4xx-response',
      ]),
    );
    expect(report.totals.errors).toBeGreaterThan(0);
  });
});
