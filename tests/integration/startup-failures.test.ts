import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MainProcess } from '../support/main-process.js';
import { freePort } from '../support/services/free-port.js';

/** Settings of a quick start that would otherwise succeed: no files, a fixed secret, little waiting. */
const BASE = {
  LOG_TO_FILES: 'false',
  JWT_SECRET: 'a-start-up-test-secret-long-enough-for-hs256',
  STARTUP_TIMEOUT_MS: '3000',
  HOST: '127.0.0.1',
};

/** Runs main.ts to its end and returns its exit code and every non-empty line it wrote. */
const failedStart = async (env: Record<string, string>) => {
  const finished = await new MainProcess({ ...BASE, ...env }).finished;
  return { code: finished.code, lines: finished.output.split('\n').filter((line) => line.trim().length > 0) };
};

/*
 * A start that cannot succeed ends as one line naming the setting to fix and
 * exit code 1: nothing before it, no stack, in the console's format (JSON
 * here, since the output is a pipe).
 */
describe('a failed start', () => {
  let holder: net.Server;
  let busyPort: number;
  let closedPort: number;

  beforeAll(async () => {
    closedPort = await freePort();
    holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    busyPort = (holder.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

  const cases: Array<[string, () => Record<string, string>, string, RegExp]> = [
    [
      'a malformed setting',
      () => ({ PORT: 'eighty', AUTO_PLAN_CRON: '0 25 * * *', AUTO_TIMEZONE: 'Mars/Olympus' }),
      'PORT, AUTO_PLAN_CRON, AUTO_TIMEZONE',
      /invalid configuration: PORT must be .*; AUTO_PLAN_CRON must be a valid cron expression.*; AUTO_TIMEZONE must be/,
    ],
    [
      'an unreachable MongoDB',
      () => ({ MONGODB_URI: `mongodb://127.0.0.1:${closedPort}/chat` }),
      'MONGODB_URI',
      /MongoDB at mongodb:\/\/127\.0\.0\.1:\d+\/chat did not answer/,
    ],
    [
      'an unreachable Redis',
      () => ({ REDIS_URL: `redis://:redis-password@127.0.0.1:${closedPort}` }),
      'REDIS_URL',
      /Redis at redis:\/\/127\.0\.0\.1:\d+ did not answer: no answer within 3000 ms \(last heard: .*ECONNREFUSED/,
    ],
    [
      'an unreachable RabbitMQ',
      () => ({ RABBITMQ_URL: `amqp://chat:rabbit-password@127.0.0.1:${closedPort}` }),
      'RABBITMQ_URL',
      /RabbitMQ at amqp:\/\/127\.0\.0\.1:\d+ did not accept a connection within 3000 ms \(.*ECONNREFUSED/,
    ],
    [
      'a busy PORT',
      () => ({ PORT: String(busyPort) }),
      'PORT',
      /port \d+ on 127\.0\.0\.1 is already in use: choose another PORT/,
    ],
    [
      'a busy HEALTH_PORT',
      () => ({ ROLES: 'worker,scheduler', HEALTH_PORT: String(busyPort) }),
      'HEALTH_PORT',
      /port \d+ on 127\.0\.0\.1 is already in use: choose another HEALTH_PORT/,
    ],
  ];

  it.concurrent.each(cases)(
    'with %s ends as one line naming the setting to fix, exit code 1',
    async (_name, env, setting, message) => {
      const { code, lines } = await failedStart(env());
      expect(code, lines.join('\n')).toBe(1);
      expect(lines, lines.join('\n')).toHaveLength(1);
      const line = JSON.parse(lines[0]!) as Record<string, unknown>;
      expect(line).toMatchObject({ level: 'error', setting });
      expect(line.message).toMatch(/^cannot start: /);
      expect(line.message).toMatch(message);
      expect(lines[0]).not.toMatch(/password|\n\s+at /);
    },
    120_000,
  );
});
