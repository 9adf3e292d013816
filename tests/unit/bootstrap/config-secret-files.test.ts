import * as E from 'fp-ts/lib/Either.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeConfig, SETTINGS } from '../../../src/bootstrap/config.js';

const SECRET = 'a-jwt-secret-read-from-a-file-0123456789';

/** Files by path, as Docker mounts them under /run/secrets. */
const files = (contents: Record<string, string>) => (path: string) => {
  const text = contents[path];
  if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return text;
};

const decode = (env: Record<string, string>, contents: Record<string, string> = {}) =>
  decodeConfig(env, files(contents));

const problemsOf = (env: Record<string, string>, contents: Record<string, string> = {}) => {
  const result = decode(env, contents);
  return E.isLeft(result) ? result.left : [];
};

describe('secrets from files (<NAME>_FILE)', () => {
  it('reads JWT_SECRET, METRICS_TOKEN and the service URLs from the files their _FILE variables name', () => {
    const result = decode(
      {
        NODE_ENV: 'production',
        JWT_SECRET_FILE: '/run/secrets/jwt_secret',
        METRICS_TOKEN_FILE: '/run/secrets/metrics_token',
        MONGODB_URI_FILE: '/run/secrets/mongodb_uri',
        REDIS_URL_FILE: '/run/secrets/redis_url',
        RABBITMQ_URL_FILE: '/run/secrets/rabbitmq_url',
      },
      {
        '/run/secrets/jwt_secret': `${SECRET}\n`,
        '/run/secrets/metrics_token': 'metrics-token\r\n',
        '/run/secrets/mongodb_uri': 'mongodb://db:27017/from_file\n\n',
        '/run/secrets/redis_url': 'redis://cache:6379',
        '/run/secrets/rabbitmq_url': 'amqp://chat:pw@broker:5672\n',
      },
    );
    expect(E.isRight(result)).toBe(true);
    if (E.isLeft(result)) return;
    expect(result.right).toMatchObject({
      JWT_SECRET: SECRET,
      METRICS_TOKEN: 'metrics-token',
      MONGODB_URI: 'mongodb://db:27017/from_file',
      MONGODB_DB: 'from_file',
      REDIS_URL: 'redis://cache:6379',
      RABBITMQ_URL: 'amqp://chat:pw@broker:5672',
    });
  });

  it('keeps whitespace inside a secret: only the trailing newlines go', () => {
    const result = decode({ JWT_SECRET_FILE: '/s' }, { '/s': ` ${SECRET} \n` });
    expect(E.isRight(result) && result.right.JWT_SECRET).toBe(` ${SECRET} `);
  });

  it('refuses a variable set both ways, naming both', () => {
    expect(problemsOf({ JWT_SECRET: SECRET, JWT_SECRET_FILE: '/s' }, { '/s': SECRET })).toEqual([
      'JWT_SECRET and JWT_SECRET_FILE are both set: keep one',
    ]);
  });

  it('names the _FILE variable of a missing or empty file, and never shows what a file holds', () => {
    expect(problemsOf({ REDIS_URL_FILE: '/run/secrets/nope' })).toEqual([
      'REDIS_URL_FILE names a file that cannot be read (ENOENT): /run/secrets/nope',
    ]);
    expect(problemsOf({ JWT_SECRET_FILE: '/s' }, { '/s': '\n' })).toEqual(['JWT_SECRET_FILE names an empty file']);
    const problems = problemsOf({ RABBITMQ_URL_FILE: '/s' }, { '/s': 'http://user:hunter2@broker\n' });
    expect(problems).toEqual(['RABBITMQ_URL (from RABBITMQ_URL_FILE) must be a amqp: or amqps: URL']);
    expect(problems.join()).not.toContain('hunter2');
  });

  it('applies the same checks to a secret from a file as to one from the environment', () => {
    expect(problemsOf({ JWT_SECRET_FILE: '/s' }, { '/s': 'short\n' })).toEqual([
      'JWT_SECRET must be at least 32 bytes',
    ]);
  });

  it('offers _FILE only for secrets: other settings ignore it', () => {
    const result = decode({ PORT_FILE: '/p' }, { '/p': '4000' });
    expect(E.isRight(result) && result.right.PORT).toBe(3000);
    const fromFile = Object.entries(SETTINGS)
      .filter(([, setting]) => 'fromFile' in setting)
      .map(([name]) => name);
    expect(fromFile.sort()).toEqual(['JWT_SECRET', 'METRICS_TOKEN', 'MONGODB_URI', 'RABBITMQ_URL', 'REDIS_URL']);
  });

  describe('on the file system', () => {
    let directory: string;
    beforeAll(async () => {
      directory = await mkdtemp(join(tmpdir(), 'secret-files-'));
      await writeFile(join(directory, 'jwt_secret'), `${SECRET}\n`, { mode: 0o600 });
    });
    afterAll(() => rm(directory, { recursive: true, force: true }));

    it('reads the file by default', () => {
      const result = decodeConfig({ JWT_SECRET_FILE: join(directory, 'jwt_secret') });
      expect(E.isRight(result) && result.right.JWT_SECRET).toBe(SECRET);
    });
  });
});
