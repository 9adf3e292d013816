import * as E from 'fp-ts/lib/Either.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeConfig, SETTINGS } from '../../../src/bootstrap/config.js';

const problemsOf = (env: Record<string, string>) => {
  const result = decodeConfig(env);
  return E.isLeft(result) ? result.left : [];
};

const configOf = (env: Record<string, string>) => {
  const result = decodeConfig(env);
  if (E.isLeft(result)) throw new Error(result.left.join('; '));
  return result.right;
};

const PRODUCTION = {
  NODE_ENV: 'production',
  MONGODB_URI: 'mongodb://db:27017',
  REDIS_URL: 'redis://cache:6379',
  RABBITMQ_URL: 'amqp://broker:5672',
  JWT_SECRET: 'x'.repeat(32),
  METRICS_TOKEN: 'metrics-token',
};

describe('configuration', () => {
  it('decodes an empty environment to the embedded defaults', () => {
    const result = decodeConfig({});
    expect(E.isRight(result)).toBe(true);
    if (E.isLeft(result)) return;
    expect(result.right.PORT).toBe(3000);
    expect(result.right.ROLES).toEqual(['api', 'worker', 'scheduler']);
    expect(result.right.MONGODB_URI).toBeUndefined();
    expect(result.right.CORS_ORIGINS).toBe('*');
  });

  it('names every malformed variable and never echoes its value', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      ROLES: 'api,cook',
      BCRYPT_COST: '40',
      REDIS_URL: 'http://secret-host',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['PORT', 'ROLES', 'BCRYPT_COST', 'REDIS_URL']);
    expect(problems.join('\n')).not.toContain('secret-host');
  });

  it('refuses to start production half-configured', () => {
    const problems = problemsOf({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://db:27017' });
    expect(problems).toEqual([
      'REDIS_URL is required when NODE_ENV=production',
      'RABBITMQ_URL is required when NODE_ENV=production',
      'JWT_SECRET is required when NODE_ENV=production',
      'METRICS_TOKEN is required when NODE_ENV=production (or set METRICS_PUBLIC=true)',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', METRICS_PUBLIC: 'true' })).not.toContain(
      'METRICS_TOKEN is required when NODE_ENV=production (or set METRICS_PUBLIC=true)',
    );
  });

  it('refuses a short JWT secret', () => {
    expect(problemsOf({ JWT_SECRET: 'short' })).toEqual(['JWT_SECRET must be at least 32 bytes']);
  });

  it('takes an empty variable as unset, so its default applies', () => {
    expect(configOf({ LOG_LEVEL: '', PORT: '' })).toMatchObject({ LOG_LEVEL: 'info', PORT: 3000 });
  });

  it.each([
    ['mongodb://db.example.com/mydb', undefined, 'mydb'],
    ['mongodb://user:pass@a:27017,b:27017/orders?replicaSet=rs0&authSource=admin', undefined, 'orders'],
    ['mongodb+srv://cluster.example.com/chat_prod?retryWrites=true', undefined, 'chat_prod'],
    ['mongodb://db.example.com', undefined, 'chat'],
    ['mongodb://db.example.com/', undefined, 'chat'],
    ['mongodb://db.example.com/mydb', 'other', 'other'],
  ])('with MONGODB_URI=%s and MONGODB_DB=%s stores into %s', (uri, db, expected) => {
    expect(configOf({ MONGODB_URI: uri, ...(db ? { MONGODB_DB: db } : {}) }).MONGODB_DB).toBe(expected);
  });

  it('refuses a MongoDB URI the driver would refuse', () => {
    expect(problemsOf({ MONGODB_URI: 'http://db.example.com/mydb' })).toEqual([
      'MONGODB_URI must be a mongodb:// or mongodb+srv:// connection string',
    ]);
  });

  it.each(['AUTO_PLAN_CRON', 'AUTO_ENQUEUE_CRON', 'SYNC_PRUNE_CRON'])(
    'validates %s at start, naming the variable',
    (name) => {
      for (const bad of ['0 25 * * *', '61 * * * *', 'often', '* * * *', '0 2 * * 8']) {
        const [problem] = problemsOf({ [name]: bad });
        expect(problem, bad).toMatch(new RegExp(`^${name} must be a (valid )?cron expression`));
      }
      expect(problemsOf({ [name]: '*/10 * * * * *' })).toEqual([]);
      expect(problemsOf({ [name]: ' 30 4 * * 1-5 ' })).toEqual([]);
    },
  );

  it('validates the time zone at start, naming the variable', () => {
    expect(problemsOf({ AUTO_TIMEZONE: 'Mars/Olympus_Mons' })).toEqual([
      'AUTO_TIMEZONE must be an IANA time zone name like UTC or Europe/Berlin',
    ]);
    expect(configOf({ AUTO_TIMEZONE: 'Europe/Berlin' }).AUTO_TIMEZONE).toBe('Europe/Berlin');
  });

  it('writes log files by default outside production only', () => {
    expect(configOf({}).LOG_TO_FILES).toBe(true);
    expect(configOf(PRODUCTION).LOG_TO_FILES).toBe(false);
    expect(configOf({ ...PRODUCTION, LOG_TO_FILES: 'true' }).LOG_TO_FILES).toBe(true);
    expect(configOf({ LOG_TO_FILES: 'false' }).LOG_TO_FILES).toBe(false);
  });

  it('has no health port unless HEALTH_PORT is set', () => {
    expect(configOf({}).HEALTH_PORT).toBeUndefined();
    expect(configOf({ HEALTH_PORT: '3001' }).HEALTH_PORT).toBe(3001);
    expect(problemsOf({ HEALTH_PORT: '0' })).toEqual(['HEALTH_PORT must be an integer from 1 to 65535']);
  });

  it('is listed in full, with its defaults, in .env.example', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    for (const [name, setting] of Object.entries(SETTINGS)) {
      const line = setting.default === undefined ? `# ${name}=` : `${name}=${setting.default}`;
      expect(example.split('\n'), name).toContain(line);
      if ('fromFile' in setting) expect(example.split('\n'), name).toContain(`# ${name}_FILE=`);
    }
  });
});
