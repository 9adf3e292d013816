import amqplib from 'amqplib';
import { AmqpHealthIndicator } from '../adapters/amqp/amqp-health-indicator.js';
import { AmqpMessageQueue } from '../adapters/amqp/amqp-message-queue.js';
import { MongoAutoMessageRepository } from '../adapters/mongo/mongo-auto-message-repository.js';
import { connectMongo, createMongoClient } from '../adapters/mongo/mongo-connection.js';
import { MongoConversationRepository } from '../adapters/mongo/mongo-conversation-repository.js';
import { MongoHealthIndicator } from '../adapters/mongo/mongo-health-indicator.js';
import { ensureIndexes } from '../adapters/mongo/mongo-indexes.js';
import { RebuildableMongoDatabase } from '../adapters/mongo/mongo-database.js';
import { MongoChangeLog } from '../adapters/mongo/mongo-change-log.js';
import { MongoBlockRepository } from '../adapters/mongo/mongo-block-repository.js';
import { MongoReactionRepository } from '../adapters/mongo/mongo-reaction-repository.js';
import { MongoMessageRepository } from '../adapters/mongo/mongo-message-repository.js';
import { MongoSessionRepository } from '../adapters/mongo/mongo-session-repository.js';
import { MongoUserRepository } from '../adapters/mongo/mongo-user-repository.js';
import { MongoWatchdog } from '../adapters/mongo/mongo-watchdog.js';
import { RedisConnection } from '../adapters/redis/redis-connection.js';
import { RedisHealthIndicator } from '../adapters/redis/redis-health-indicator.js';
import { RedisPresenceStore } from '../adapters/redis/redis-presence-store.js';
import { createRedisRateLimiterFactory } from '../adapters/redis/redis-rate-limiter.js';
import { RedisSessionRevocations } from '../adapters/redis/redis-session-revocations.js';
import { connectSocketIoRedisFanOut } from '../adapters/redis/socket-io-redis-fan-out.js';
import type { HealthIndicator } from '../ports/health-indicator.js';
import type { Logger } from '../ports/logger.js';
import type { RoundTripMeter } from '../ports/round-trip-meter.js';
import type { Config } from './config.js';
import { countStoreCalls } from './count-store-calls.js';
import type { Infrastructure } from './infrastructure.js';
import { memoryInfrastructure } from './memory-infrastructure.js';
import { reasonOf, StartupError, startupStep } from './startup-error.js';

/** How a URL shows in logs: scheme, hosts and path, never credentials or options. */
export const describeUrl = (url: string): string => {
  const match = /^([a-z][a-z0-9+.-]*:)\/\/(?:[^@/?#]*@)?([^/?#]*)(\/[^?#]*)?/i.exec(url);
  if (!match) return '(unparsable URL)';
  const [, scheme, hosts, path] = match;
  return `${scheme}//${hosts}${path === undefined || path === '/' ? '' : path}`;
};

type Part = Partial<Omit<Infrastructure, 'active' | 'close' | 'health' | 'isLive'>> & {
  readonly active: Partial<Infrastructure['active']>;
  readonly health: HealthIndicator;
  isLive?(): boolean;
  close(): Promise<void>;
};

const mongoPart = async (url: string, config: Config, logger: Logger, roundTrips?: RoundTripMeter): Promise<Part> => {
  const where = `MongoDB at ${describeUrl(url)}`;
  const timeoutMs = config.STARTUP_TIMEOUT_MS;
  const { client } = await startupStep(
    { setting: 'MONGODB_URI', what: `${where} did not answer`, timeoutMs, abandon: (late) => late.close() },
    connectMongo(url, undefined, {}, roundTrips),
  );
  const database = new RebuildableMongoDatabase(
    () => createMongoClient(url, {}, roundTrips),
    config.MONGODB_DB,
    client,
  );
  try {
    await startupStep(
      { setting: 'MONGODB_URI', what: `${where} refused the indexes of db=${config.MONGODB_DB}`, timeoutMs },
      ensureIndexes(database),
    );
  } catch (error) {
    await database.close();
    throw error;
  }
  const watchdog = new MongoWatchdog(
    {
      probe: async () => {
        await database.command({ ping: 1 }, { timeoutMS: watchdog.probeTimeoutMs });
      },
      rebuild: () => database.rebuild(),
      logger: logger.child({ service: 'mongodb', url: describeUrl(url) }),
    },
    { stallTimeoutMs: config.MONGODB_STALL_TIMEOUT_MS },
  );
  watchdog.start();
  // Until they take a MongoDatabase, these two keep Collection objects: give them ones that follow rebuilds.
  return {
    users: new MongoUserRepository(database),
    sessions: new MongoSessionRepository(database),
    conversations: new MongoConversationRepository(database),
    messages: new MongoMessageRepository(database),
    changes: new MongoChangeLog(database),
    reactions: new MongoReactionRepository(database),
    blocks: new MongoBlockRepository(database),
    autoMessages: new MongoAutoMessageRepository(database),
    health: new MongoHealthIndicator(database),
    isLive: () => watchdog.isLive(),
    active: { repositories: `mongodb ${describeUrl(url)} db=${config.MONGODB_DB}` },
    close: async () => {
      await watchdog.stop();
      await database.close();
    },
  };
};

const redisPart = async (url: string, config: Config, logger: Logger, roundTrips?: RoundTripMeter): Promise<Part> => {
  const redis = new RedisConnection({ url, keyPrefix: config.REDIS_KEY_PREFIX, logger, roundTrips });
  let heard: string | undefined;
  redis.client.on('error', (error: Error) => (heard = reasonOf(error)));
  const step = { setting: 'REDIS_URL', what: `Redis at ${describeUrl(url)} did not answer` };
  let fanOut: Awaited<ReturnType<typeof connectSocketIoRedisFanOut>>;
  try {
    const timeoutMs = config.STARTUP_TIMEOUT_MS;
    await startupStep({ ...step, timeoutMs, lastHeard: async () => heard }, redis.connect());
    fanOut = await startupStep(
      { ...step, timeoutMs, abandon: (late) => late.close() },
      connectSocketIoRedisFanOut(url, config.REDIS_KEY_PREFIX, logger, roundTrips),
    );
  } catch (error) {
    await redis.quit();
    throw error;
  }
  const where = `redis ${describeUrl(url)}`;
  return {
    presence: new RedisPresenceStore(redis, { leaseMs: config.PRESENCE_LEASE_SECONDS * 1000 }),
    rateLimiters: createRedisRateLimiterFactory(redis),
    sessionRevocations: await RedisSessionRevocations.connect(
      fanOut.bus,
      config.ACCESS_TOKEN_TTL_SECONDS * 1000,
      logger,
    ),
    socketAdapter: fanOut.adapter,
    onFanOutRestored: fanOut.onRestored,
    health: new RedisHealthIndicator(redis),
    active: {
      presence: where,
      rateLimits: `${where} (in-memory insurance)`,
      socketFanOut: `${where} (socket.io redis adapter)`,
    },
    close: async () => {
      await fanOut.close();
      await redis.quit();
    },
  };
};

const rabbitPart = async (url: string, config: Config, logger: Logger): Promise<Part> => {
  const queue = new AmqpMessageQueue({
    url,
    queue: config.RABBITMQ_QUEUE,
    logger,
    maxAttempts: config.AUTO_MAX_ATTEMPTS,
    backoffMs: config.AUTO_RETRY_BASE_MS,
    prefetch: config.AUTO_PREFETCH,
  });
  // Once started, the manager rides out broker outages; a broker never reached at start is a setting to fix.
  if (!(await queue.waitUntilConnected(config.STARTUP_TIMEOUT_MS))) {
    const reason = await whyAmqpRefuses(url);
    await queue.close();
    throw new StartupError(
      'RABBITMQ_URL',
      `RabbitMQ at ${describeUrl(url)} did not accept a connection within ${config.STARTUP_TIMEOUT_MS} ms (${reason})`,
    );
  }
  return {
    queue,
    health: new AmqpHealthIndicator(queue),
    active: { queue: `rabbitmq ${describeUrl(url)} queue=${config.RABBITMQ_QUEUE}` },
    close: async () => undefined,
  };
};

/** The reason one direct attempt to connect gives, since the reconnecting manager keeps its own to itself. */
const whyAmqpRefuses = async (url: string): Promise<string> => {
  try {
    const connection = await amqplib.connect(url, { timeout: 3000 });
    await connection.close();
    return 'it answers now, but did not in time';
  } catch (error) {
    return reasonOf(error);
  }
};

/**
 * Each service is real when its URL is configured and in memory otherwise;
 * production refuses to start half-configured (config.ts). What was
 * connected is closed again if a later service fails to start. With
 * `roundTrips`, MongoDB commands, Redis round trips and calls of the
 * in-memory stores are counted there.
 */
export const selectInfrastructure = async (
  config: Config,
  logger: Logger,
  roundTrips?: RoundTripMeter,
): Promise<Infrastructure> => {
  const memory = memoryInfrastructure(config, logger);
  const embedded = roundTrips ? countStoreCalls(memory, roundTrips) : memory;
  const parts: Part[] = [];
  try {
    if (config.MONGODB_URI) parts.push(await mongoPart(config.MONGODB_URI, config, logger, roundTrips));
    if (config.REDIS_URL) parts.push(await redisPart(config.REDIS_URL, config, logger, roundTrips));
    if (config.RABBITMQ_URL) parts.push(await rabbitPart(config.RABBITMQ_URL, config, logger));
  } catch (error) {
    await Promise.allSettled(parts.map((part) => part.close()));
    throw error;
  }
  const merged = Object.assign(
    {},
    embedded,
    ...parts.map(({ active: _a, health: _h, isLive: _l, close: _c, ...ports }) => ports),
  );
  return {
    ...(merged as Infrastructure),
    health: parts.map((part) => part.health),
    isLive: () => parts.every((part) => part.isLive?.() ?? true),
    active: Object.assign({}, embedded.active, ...parts.map((part) => part.active)),
    close: async () => {
      await Promise.allSettled(parts.map((part) => part.close()));
      await embedded.close();
    },
  };
};
