import type { RealServices } from './services.js';

/** What every app process of the run gets: quiet logs, loopback, limits out of the benchmark's way. */
export const BENCH_APP_ENV: Readonly<Record<string, string>> = {
  NODE_ENV: 'development',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'warn',
  LOG_FORMAT: 'json',
  LOG_TO_FILES: 'false',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
  ACCESS_TOKEN_TTL_SECONDS: '3600',
  BCRYPT_COST: '4',
  API_RATE_LIMIT_POINTS: '1000000',
  API_RATE_LIMIT_WINDOW_SECONDS: '1',
  LOGIN_LIMIT_PER_IP: '100000',
  LOGIN_LIMIT_PER_ACCOUNT_AND_IP: '100000',
  LOGIN_LIMIT_PER_ACCOUNT: '100000',
  LOGIN_LIMIT_WINDOW_SECONDS: '1',
  REGISTER_LIMIT_PER_IP: '100000',
  REGISTER_LIMIT_WINDOW_SECONDS: '1',
};

/** Where the app under test keeps its state: all in memory, or on the real services found. */
export interface Target {
  readonly id: 'embedded' | 'memory-repos' | 'real' | 'rabbitmq';
  readonly label: string;
  /** The app's environment for one process; `tag` keeps each process's data apart. */
  env(tag: string): Record<string, string>;
  /** True when its repositories are FerretDB (a compatibility server, not a speed reference). */
  readonly onFerretDb: boolean;
  readonly hasRabbitMq: boolean;
}

export const EMBEDDED: Target = {
  id: 'embedded',
  label: 'embedded default (in-memory, in-process queue)',
  env: () => ({ ...BENCH_APP_ENV }),
  onFerretDb: false,
  hasRabbitMq: false,
};

/** The real-services target, or undefined when none of the three is there. */
export const realTarget = (services: RealServices): Target | undefined => {
  const { mongo, redis, rabbitmq } = services;
  if (!mongo && !redis && !rabbitmq) return undefined;
  const parts = [
    mongo ? mongo.version.split(',')[0] : 'in-memory repositories',
    redis ? redis.version : 'in-memory presence',
    rabbitmq ? rabbitmq.version : 'in-process queue',
  ];
  return {
    id: 'real',
    // FerretDB sets every figure of this column: it is a floor, not MongoDB's speed.
    label: `real services${mongo?.isFerretDb ? ', a floor' : ''} (${parts.join(', ')})`,
    env: (tag) => {
      const names = services.namesFor(tag);
      return {
        ...BENCH_APP_ENV,
        ...(mongo ? { MONGODB_URI: mongo.url, MONGODB_DB: names.mongoDb } : {}),
        ...(redis ? { REDIS_URL: redis.url, REDIS_KEY_PREFIX: names.redisPrefix } : {}),
        ...(rabbitmq ? { RABBITMQ_URL: rabbitmq.url, RABBITMQ_QUEUE: names.queue } : {}),
      };
    },
    onFerretDb: mongo?.isFerretDb ?? false,
    hasRabbitMq: rabbitmq !== undefined,
  };
};

/** Scenario 4 only: the in-memory repositories with RabbitMQ, so the broker's share shows apart from FerretDB's. */
export const rabbitOnlyTarget = (services: RealServices): Target | undefined => {
  const { rabbitmq } = services;
  if (!rabbitmq) return undefined;
  return {
    id: 'rabbitmq',
    label: `in-memory repositories + ${rabbitmq.version}`,
    env: (tag) => ({ ...BENCH_APP_ENV, RABBITMQ_URL: rabbitmq.url, RABBITMQ_QUEUE: services.namesFor(tag).queue }),
    onFerretDb: false,
    hasRabbitMq: true,
  };
};

/** Real Redis and RabbitMQ with the repositories in memory: a real-services column that measures us, not the test database. */
export const memoryReposTarget = (services: RealServices): Target | undefined => {
  const { redis, rabbitmq } = services;
  if (!redis) return undefined;
  return {
    id: 'memory-repos',
    label: `real ${[redis.version, rabbitmq?.version ?? 'in-process queue'].join(' + ')}, in-memory repositories`,
    env: (tag) => {
      const names = services.namesFor(tag);
      return {
        ...BENCH_APP_ENV,
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: names.redisPrefix,
        ...(rabbitmq ? { RABBITMQ_URL: rabbitmq.url, RABBITMQ_QUEUE: names.queue } : {}),
      };
    },
    onFerretDb: false,
    hasRabbitMq: rabbitmq !== undefined,
  };
};
