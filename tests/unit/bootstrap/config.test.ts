import * as E from 'fp-ts/lib/Either.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeConfig, SETTINGS } from '../../../src/bootstrap/config.js';

const problemsOf = (env: Record<string, string>) => {
  const result = decodeConfig(env);
  return E.isLeft(result) ? result.left : [];
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

  it('is listed in full, with its defaults, in .env.example', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    for (const [name, setting] of Object.entries(SETTINGS)) {
      const line = setting.default === undefined ? `# ${name}=` : `${name}=${setting.default}`;
      expect(example.split('\n'), name).toContain(line);
    }
  });
});
