import * as E from 'fp-ts/lib/Either.js';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeConfig, SETTINGS } from '../../../src/bootstrap/config.js';
import { composeUnavailableReason, resolvedCompose } from '../../support/compose-file.js';
import { ROOT, runCommand } from '../../support/main-process.js';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const composeMissing = await composeUnavailableReason();
if (composeMissing && process.env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1 but ${composeMissing}`);
if (composeMissing) console.warn(`[skipped] docker-compose config: ${composeMissing}`);

/** Set by compose for each container, not taken from .env. */
const SET_PER_CONTAINER = ['NODE_ENV', 'HOST', 'PORT', 'ROLES', 'HEALTH_PORT', 'LOG_DIR'];

// docker-compose is a Python program: each call takes seconds on a busy machine.
describe.skipIf(composeMissing !== null)('docker-compose.yml', { timeout: 90_000 }, () => {
  it('passes `docker-compose config` on a fresh clone (no .env) and with .env.example as its .env', async () => {
    await expect(resolvedCompose()).resolves.toHaveProperty('services');
    await expect(resolvedCompose(read('.env.example'))).resolves.toHaveProperty('services');
  });

  it('gives every role every setting: secrets as files, the rest from .env (empty meaning the default)', async () => {
    const compose = await resolvedCompose('LOG_LEVEL=debug\nAUTO_TIMEZONE=Europe/Berlin\n');
    for (const role of ['api', 'worker', 'scheduler']) {
      const env = compose.services[role]!.environment;
      for (const [name, setting] of Object.entries(SETTINGS)) {
        if ('fromFile' in setting) {
          expect(env[`${name}_FILE`], `${role} ${name}_FILE`).toBe(`/run/secrets/${name.toLowerCase()}`);
          expect(env, `${role} ${name}`).not.toHaveProperty(name);
        } else if (!SET_PER_CONTAINER.includes(name)) {
          expect(env, `${role} ${name}`).toHaveProperty(name);
        }
      }
      expect(env).toMatchObject({
        NODE_ENV: 'production',
        ROLES: role,
        LOG_LEVEL: 'debug',
        AUTO_TIMEZONE: 'Europe/Berlin',
      });
      expect(env.MONGODB_DB).toBe('');
    }
  });

  it('gives the worker and the scheduler a HEALTH_PORT, and checks every role with the same command', async () => {
    const compose = await resolvedCompose('HEALTH_PORT=4001\n');
    expect(compose.services.worker!.environment.HEALTH_PORT).toBe('4001');
    expect(compose.services.scheduler!.environment.HEALTH_PORT).toBe('4001');
    const checks = ['api', 'worker', 'scheduler'].map((role) => compose.services[role]!.healthcheck!.test);
    expect(checks).toEqual([checks[0], checks[0], checks[0]]);
    expect(checks[0]).toEqual(['CMD', 'node', 'deploy/health-check.mjs']);
  });

  it('reads the secret files from SECRETS_DIR, and gives the broker the account of the rabbitmq_url secret', async () => {
    const compose = await resolvedCompose('SECRETS_DIR=/srv/chat-secrets\n');
    expect(Object.values(compose.secrets).map((secret) => secret.file)).toEqual(
      expect.arrayContaining(['/srv/chat-secrets/jwt_secret', '/srv/chat-secrets/rabbitmq_url']),
    );
    expect(compose.services.rabbitmq!.volumes).toContain(
      '/srv/chat-secrets/rabbitmq.conf:/etc/rabbitmq/conf.d/20-credentials.conf:ro',
    );
  });
});

describe('the runtime the deployment files name', () => {
  const dockerfile = read('Dockerfile');

  it('builds and runs on Node 24 LTS, with the health check compose uses', () => {
    expect(dockerfile.match(/^FROM node:(\S+)/gm)).toEqual([
      'FROM node:24-bookworm-slim',
      'FROM node:24-bookworm-slim',
    ]);
    expect(dockerfile).toMatch(/^HEALTHCHECK .* CMD \["node", "deploy\/health-check\.mjs"\]$/m);
    expect(dockerfile).toMatch(/^COPY .*deploy\/health-check\.mjs \.\/deploy\/$/m);
  });

  it('keeps engines, the Node types and CI in step: typed for the oldest Node supported, tested on 24 too', () => {
    const pkg = JSON.parse(read('package.json')) as {
      engines: { node: string };
      devDependencies: Record<string, string>;
    };
    const floor = /^>=(\d+)\.(\d+)$/.exec(pkg.engines.node);
    expect(floor, pkg.engines.node).not.toBeNull();
    expect(Number(floor![1])).toBeGreaterThanOrEqual(20);
    expect(pkg.devDependencies['@types/node']).toMatch(new RegExp(`^\\^${floor![1]}\\.`));
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major! > Number(floor![1]) || (major === Number(floor![1]) && minor! >= Number(floor![2]))).toBe(true);
    expect(read('.ci/run')).toContain('node@24');
  });
});

describe('deploy/make-secrets.sh', () => {
  it('writes secret files the app accepts in production, a broker account matching the URL, and keeps them on a rerun', async () => {
    const directory = join(await mkdtemp(join(tmpdir(), 'make-secrets-')), 'secrets');
    try {
      const env = { PATH: process.env.PATH ?? '' };
      const first = await runCommand(['bash', 'deploy/make-secrets.sh', directory], env);
      expect(first.code, first.output).toBe(0);
      expect((await stat(directory)).mode & 0o777).toBe(0o700);
      const fileEnv = Object.fromEntries(
        ['JWT_SECRET', 'METRICS_TOKEN', 'MONGODB_URI', 'REDIS_URL', 'RABBITMQ_URL'].map((name) => [
          `${name}_FILE`,
          join(directory, name.toLowerCase()),
        ]),
      );
      const config = decodeConfig({ NODE_ENV: 'production', ...fileEnv });
      expect(E.isRight(config) ? config.right.MONGODB_DB : config.left).toBe('chat');
      const url = new URL((await readFile(join(directory, 'rabbitmq_url'), 'utf8')).trim());
      const brokerConf = await readFile(join(directory, 'rabbitmq.conf'), 'utf8');
      expect(brokerConf).toContain(`default_user = ${url.username}`);
      expect(brokerConf).toContain(`default_pass = ${url.password}`);
      expect(url.password).toMatch(/^[A-Za-z0-9]{32}$/);

      const secret = await readFile(join(directory, 'jwt_secret'), 'utf8');
      const again = await runCommand(['bash', 'deploy/make-secrets.sh', directory], env);
      expect(again.code, again.output).toBe(0);
      expect(await readFile(join(directory, 'jwt_secret'), 'utf8')).toBe(secret);
    } finally {
      await rm(join(directory, '..'), { recursive: true, force: true });
    }
  });
});
