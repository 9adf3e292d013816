import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { databaseOfMongoUri } from './config-codecs.js';
import { SETTINGS, type Setting, type Settings } from './settings.js';

export { ROLES, type Role } from './config-codecs.js';
export { SETTINGS } from './settings.js';

type Decoded<K extends keyof Settings> = Settings[K] extends Setting<infer A> ? A : never;
type Optional = 'MONGODB_URI' | 'REDIS_URL' | 'RABBITMQ_URL' | 'JWT_SECRET' | 'LOG_FORMAT' | 'HEALTH_PORT';

export type Config = { readonly [K in Exclude<keyof Settings, Optional>]: Decoded<K> } & {
  readonly [K in Optional]: Decoded<K> | undefined;
};

/** Reads a secret file (the default reads the file system; tests pass their own). */
export type ReadSecretFile = (path: string) => string;

const readUtf8: ReadSecretFile = (path) => readFileSync(path, 'utf8');

/** What one variable holds: its own value, the contents of the file `<name>_FILE` names, or nothing. */
const rawValue = (
  name: string,
  spec: Setting<unknown>,
  env: Record<string, string | undefined>,
  readFile: ReadSecretFile,
): E.Either<string, { value: string | undefined; source: string }> => {
  const direct = env[name] === '' ? undefined : env[name];
  const file = spec.fromFile && env[`${name}_FILE`] !== '' ? env[`${name}_FILE`] : undefined;
  if (direct !== undefined && file !== undefined) {
    return E.left(`${name} and ${name}_FILE are both set: keep one`);
  }
  if (file === undefined) return E.right({ value: direct ?? spec.default, source: name });
  let contents: string;
  try {
    contents = readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return E.left(`${name}_FILE names a file that cannot be read (${code}): ${file}`);
  }
  // Files written by `echo` or an editor end in a newline that is no part of the secret.
  const value = contents.replace(/(\r?\n)+$/, '');
  return value.length > 0
    ? E.right({ value, source: `${name} (from ${name}_FILE)` })
    : E.left(`${name}_FILE names an empty file`);
};

/** Settings whose default depends on others. */
const derive = (config: Record<string, unknown>): void => {
  config.LOG_TO_FILES ??= config.NODE_ENV !== 'production';
  const uri = config.MONGODB_URI as string | undefined;
  config.MONGODB_DB ??= (uri === undefined ? undefined : databaseOfMongoUri(uri)) ?? 'chat';
};

const crossChecks = (config: Record<string, unknown>): string[] => {
  const problems: string[] = [];
  if (config.NODE_ENV === 'production') {
    for (const name of ['MONGODB_URI', 'REDIS_URL', 'RABBITMQ_URL', 'JWT_SECRET'] as const) {
      if (config[name] === undefined) problems.push(`${name} is required when NODE_ENV=production`);
    }
    if (config.METRICS_TOKEN === undefined && config.METRICS_PUBLIC !== true) {
      problems.push('METRICS_TOKEN is required when NODE_ENV=production (or set METRICS_PUBLIC=true)');
    }
  }
  if (typeof config.JWT_SECRET === 'string' && Buffer.byteLength(config.JWT_SECRET) < 32) {
    problems.push('JWT_SECRET must be at least 32 bytes');
  }
  return problems;
};

/**
 * Decodes the configuration from an environment; every problem is reported
 * at once, each naming its variable, and values are never echoed (they may
 * be secrets). A secret may come from the file its `<NAME>_FILE` names.
 */
export const decodeConfig = (
  env: Record<string, string | undefined>,
  readFile: ReadSecretFile = readUtf8,
): E.Either<string[], Config> => {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(SETTINGS) as Array<[string, Setting<unknown>]>) {
    const raw = rawValue(name, spec, env, readFile);
    if (E.isLeft(raw)) {
      problems.push(raw.left);
      continue;
    }
    if (raw.right.value === undefined) continue;
    const decoded = spec.codec.decode(raw.right.value);
    if (E.isLeft(decoded)) problems.push(`${raw.right.source} ${decoded.left[0]?.message ?? 'is invalid'}`);
    else config[name] = decoded.right;
  }
  if (problems.length === 0) derive(config);
  problems.push(...crossChecks(config));
  return problems.length > 0 ? E.left(problems) : E.right(config as Config);
};
