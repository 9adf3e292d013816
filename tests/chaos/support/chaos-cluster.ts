import { randomBytes } from 'node:crypto';
import { freePort } from '../../support/services/free-port.js';
import { mongoLauncher } from '../../support/services/mongo.js';
import { rabbitmqLauncher } from '../../support/services/rabbitmq.js';
import { redisLauncher } from '../../support/services/redis.js';
import type { LocalServer } from '../../support/services/service-launcher.js';
import { AppProcess, isReady } from './app-process.js';
import { restCall } from './rest-call.js';

const LAUNCHERS = [redisLauncher, rabbitmqLauncher, mongoLauncher] as const;

/** Why the cluster cannot run here (every missing server named), or null. */
export const clusterUnavailableReason = async (): Promise<string | null> => {
  const reasons = await Promise.all(LAUNCHERS.map((launcher) => launcher.unavailableReason()));
  const missing = reasons.filter((reason): reason is string => reason !== null);
  return missing.length > 0 ? missing.join('; ') : null;
};

export interface ChaosCluster {
  readonly redis: LocalServer;
  readonly rabbitmq: LocalServer;
  readonly mongo: LocalServer;
  readonly a: AppProcess;
  readonly b: AppProcess;
  /** Both processes answer /health/ready with 200. */
  allReady(): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Settings for app processes under load on the given services: nothing
 * throttled, cheap hashing, quiet logs, no auto-message planning. `extra`
 * names the database, key prefix or queue when several runs share servers.
 */
export const appProcessEnv = (
  urls: { readonly mongo: string; readonly redis: string; readonly rabbitmq: string },
  extra: Record<string, string> = {},
): Record<string, string> => ({
  // Not production: that mode adds requirements (metrics token, …) a test has no use for; every service URL is set.
  NODE_ENV: 'test',
  LOG_FORMAT: 'json',
  HOST: '127.0.0.1',
  MONGODB_URI: urls.mongo,
  MONGODB_DB: 'chaos',
  REDIS_URL: urls.redis,
  RABBITMQ_URL: urls.rabbitmq,
  JWT_SECRET: randomBytes(48).toString('base64'),
  LOG_TO_FILES: 'false',
  LOG_LEVEL: 'warn',
  BCRYPT_COST: '4',
  API_RATE_LIMIT_POINTS: '1000000',
  LOGIN_LIMIT_PER_IP: '100000',
  LOGIN_LIMIT_PER_ACCOUNT: '100000',
  LOGIN_LIMIT_PER_ACCOUNT_AND_IP: '100000',
  REGISTER_LIMIT_PER_IP: '100000',
  SOCKETS_PER_USER: '100',
  SOCKET_EVENTS_PER_USER: '100000',
  AUTO_PLAN_CRON: '0 0 1 1 *',
  ...extra,
});

/** Every outcome, or the first failure once all have settled (so nothing started is left behind unknown). */
const settleAll = async <T>(work: ReadonlyArray<Promise<T>>, onFailure: (done: T[]) => Promise<void>): Promise<T[]> => {
  const outcomes = await Promise.allSettled(work);
  const done = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (!failed) return done;
  await onFailure(done);
  throw failed.reason;
};

/** Dedicated Redis, RabbitMQ and MongoDB servers (faults must not reach other suites) and two app processes on them. */
export const startChaosCluster = async (): Promise<ChaosCluster> => {
  const stopServers = (servers: readonly LocalServer[]) =>
    Promise.all(servers.map((s) => s.stop())).then(() => undefined);
  const servers = await settleAll(
    LAUNCHERS.map((launcher) => launcher.launch()),
    stopServers,
  );
  const [redis, rabbitmq, mongo] = servers as [LocalServer, LocalServer, LocalServer];
  const env = appProcessEnv({ mongo: mongo.url, redis: redis.url, rabbitmq: rabbitmq.url });
  const a = new AppProcess('A', await freePort(), env);
  const b = new AppProcess('B', await freePort(), env);
  const stop = async (): Promise<void> => {
    await Promise.all([a.kill(), b.kill()]);
    await stopServers(servers);
  };
  await settleAll([a.start(), b.start()], stop);
  const allReady = async () => (await Promise.all([isReady(a.url), isReady(b.url)])).every(Boolean);
  return { redis, rabbitmq, mongo, a, b, allReady, stop };
};

export interface ChaosUser {
  readonly name: string;
  readonly id: string;
  readonly token: string;
}

/** Registers a user over REST. */
export const registerChaosUser = async (url: string, name: string): Promise<ChaosUser> => {
  const username = `${name}_${randomBytes(4).toString('hex')}`;
  const reply = await restCall(url, 'POST', '/api/auth/register', {
    body: { username, email: `${username.toLowerCase()}@example.com`, password: randomBytes(12).toString('hex') },
    timeoutMs: 15_000,
  });
  if (reply.status !== 201) throw new Error(`register ${username}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { name, id: reply.body.data.user.id, token: reply.body.data.accessToken };
};
