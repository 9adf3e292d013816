import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeUnavailableReason, resolvedCompose, type ComposeService } from '../support/compose-file.js';
import { eventually } from '../support/eventually.js';
import { sample } from '../support/metric-sample.js';
import { MainProcess, runCommand } from '../support/main-process.js';
import { freePort } from '../support/services/free-port.js';
import { useService } from '../support/services/use-service.js';

const services = { mongo: useService('mongo'), redis: useService('redis'), rabbitmq: useService('rabbitmq') };
const composeMissing = await composeUnavailableReason();
if (composeMissing && process.env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1 but ${composeMissing}`);
if (composeMissing) console.warn(`[skipped] compose health checks: ${composeMissing}`);
const skip = composeMissing !== null || Object.values(services).some((service) => service.skip);

const ROLES = ['api', 'worker', 'scheduler'] as const;
type Role = (typeof ROLES)[number];

interface RoleUnderTest {
  readonly env: Record<string, string>;
  readonly healthCheck: string[];
  readonly probePort: number;
  process?: MainProcess;
}

/*
 * Each role as docker-compose.yml runs it: the environment compose resolves
 * for its container (NODE_ENV=production, secrets as *_FILE), with the
 * secret files holding this run's services and free ports in place of the
 * fixed ones; then the container's own health-check command, run as Docker
 * runs it (inside the container's environment), must pass.
 */
describe.skipIf(skip)("docker-compose.yml's health checks against each role started locally", () => {
  const suffix = randomBytes(4).toString('hex');
  const database = `compose_${suffix}`;
  let secretsDir: string;
  let secrets: Record<string, string>;
  const roles = {} as Record<Role, RoleUnderTest>;

  /** The container's environment, with what only exists inside a container replaced. */
  const localEnvironment = async (service: ComposeService, ports: Record<string, number>) => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
    for (const [name, value] of Object.entries(service.environment)) {
      const text = value === null ? '' : String(value);
      if (name.endsWith('_FILE') && text.startsWith('/run/secrets/')) env[name] = join(secretsDir, basename(text));
      else if (name in ports) env[name] = String(ports[name]);
      else env[name] = text;
    }
    // Shared test servers: a queue and key space of this suite's own.
    env.RABBITMQ_QUEUE = `compose.${suffix}`;
    env.REDIS_KEY_PREFIX = `compose:${suffix}:`;
    return env;
  };

  beforeAll(async () => {
    secretsDir = await mkdtemp(join(tmpdir(), 'compose-secrets-'));
    const mongoUri = new URL(services.mongo.url!);
    mongoUri.pathname = `/${database}`;
    // As deploy/make-secrets.sh writes them: one value and a newline per file.
    secrets = {
      jwt_secret: randomBytes(48).toString('base64url'),
      metrics_token: randomBytes(24).toString('hex'),
      mongodb_uri: mongoUri.toString(),
      redis_url: services.redis.url!,
      rabbitmq_url: services.rabbitmq.url!,
    };
    await Promise.all(
      Object.entries(secrets).map(([name, value]) => writeFile(join(secretsDir, name), `${value}\n`, { mode: 0o600 })),
    );

    const compose = await resolvedCompose();
    for (const role of ROLES) {
      const service = compose.services[role]!;
      const mounted = (service.secrets ?? []).map((secret) => (typeof secret === 'string' ? secret : secret.source));
      expect(mounted.sort()).toEqual(Object.keys(secrets).sort());
      const ports: Record<string, number> = { [role === 'api' ? 'PORT' : 'HEALTH_PORT']: await freePort() };
      const env = await localEnvironment(service, ports);
      expect(env.ROLES).toBe(role);
      roles[role] = { env, healthCheck: service.healthcheck!.test.slice(1), probePort: Object.values(ports)[0]! };
    }
  });

  afterAll(async () => {
    await Promise.all(Object.values(roles).map((role) => role.process?.stop()));
    const client = new MongoClient(services.mongo.url!);
    await client
      .db(database)
      .dropDatabase()
      .finally(() => client.close());
    await rm(secretsDir, { recursive: true, force: true });
  });

  it('fails while nothing answers on the port the check reads', async () => {
    for (const role of ROLES) {
      const check = await runCommand(roles[role].healthCheck, roles[role].env);
      expect(check.code, `${role}: ${check.output}`).toBe(1);
    }
  });

  it.each(ROLES)(
    'passes against ROLES=%s started with the settings of its container',
    async (role) => {
      const underTest = roles[role];
      underTest.process = new MainProcess(underTest.env);
      const started = underTest.process;
      await eventually(
        async () => {
          expect(started.running, started.output()).toBe(true);
          const check = await runCommand(underTest.healthCheck, underTest.env);
          expect(check.code, check.output).toBe(0);
        },
        90_000,
        250,
      );
      // The database named in MONGODB_URI (from its secret file) is the one used.
      expect(started.output()).toContain(`db=${database}`);
    },
    120_000,
  );

  it.each(['worker', 'scheduler'] as const)(
    'serves readiness of every service and the metrics on the HEALTH_PORT of ROLES=%s, and nothing else',
    async (role) => {
      const base = `http://127.0.0.1:${roles[role].probePort}`;
      await eventually(async () => {
        const ready = await fetch(`${base}/health/ready`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toMatchObject({
          success: true,
          data: { status: 'ready', services: { mongodb: 'up', redis: 'up', rabbitmq: 'up' } },
        });
      }, 30_000);
      expect((await fetch(`${base}/api/auth/me`)).status).toBe(404);
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      // The gauges read MongoDB, Redis and RabbitMQ: every source answers.
      await eventually(async () => {
        const metrics = await fetch(`${base}/metrics`, {
          headers: { authorization: `Bearer ${secrets.metrics_token}` },
        });
        expect(metrics.status).toBe(200);
        const text = await metrics.text();
        for (const source of ['presence', 'queue', 'auto_messages']) {
          expect(sample(text, `chat_metrics_source_up{source="${source}"}`), source).toBe(1);
        }
      }, 30_000);
    },
  );

  it('stops each role gracefully on SIGTERM, having logged no secret', async () => {
    for (const role of ROLES) {
      const finished = await roles[role].process!.stop();
      expect(finished.code, `${role}:\n${finished.output}`).toBe(0);
      expect(finished.output).not.toMatch(/"level":"error"/);
      for (const name of ['jwt_secret', 'metrics_token']) expect(finished.output).not.toContain(secrets[name]);
    }
  }, 60_000);
});
