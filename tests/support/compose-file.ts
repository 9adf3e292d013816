import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { ROOT } from './main-process.js';

const run = promisify(execFile);

export interface ComposeService {
  readonly environment: Record<string, string | number | null>;
  readonly secrets?: Array<{ source: string } | string>;
  readonly healthcheck?: { test: string[] };
  readonly ports?: unknown[];
  readonly volumes?: unknown[];
}

export interface ComposeConfig {
  readonly services: Record<string, ComposeService>;
  readonly secrets: Record<string, { file: string }>;
}

/** Why `docker-compose` cannot check the file here, or null. */
export const composeUnavailableReason = async (): Promise<string | null> => {
  try {
    await run('docker-compose', ['version'], { cwd: ROOT });
    return null;
  } catch {
    return 'docker-compose is not installed (Debian: apt-get install docker-compose)';
  }
};

/**
 * docker-compose.yml as `docker-compose config` resolves it (anchors merged,
 * variables interpolated) from the given .env contents alone: the shell's
 * variables are not passed, so a developer's environment cannot change it.
 */
export const resolvedCompose = async (dotEnv = ''): Promise<ComposeConfig> => {
  const directory = await mkdtemp(join(tmpdir(), 'compose-env-'));
  try {
    const envFile = join(directory, '.env');
    await writeFile(envFile, dotEnv);
    const { stdout } = await run('docker-compose', ['--env-file', envFile, 'config'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    });
    return parse(stdout) as ComposeConfig;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
};
