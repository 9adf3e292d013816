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
import type { Config } from './config.js';
import type { Infrastructure } from './infrastructure.js';
import { memoryInfrastructure } from './memory-infrastructure.js';

const STARTUP_CONNECT_TIMEOUT_MS = 15_000;

/** How a URL shows in logs: scheme, host and path, never credentials. */
export const describeUrl = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
};

type Part = Partial<Omit<Infrastructure, 'active' | 'close' | 'health' | 'isLive'>> & {
  readonly active: Partial<Infrastructure['active']>;
  readonly health: HealthIndicator;
  isLive?(): boolean;
  close(): Promise<void>;
};

const mongoPart = async (url: string, config: Config, logger: Logger): Promise<Part> => {
  const { client } = await connectMongo(url);
  const database = new RebuildableMongoDatabase(() => createMongoClient(url), config.MONGODB_DB, client);
  try {
    await ensureIndexes(database);
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

const redisPart = async (url: string, config: Config, logger: Logger): Promise<Part> => {
  const redis = new RedisConnection({ url, keyPrefix: config.REDIS_KEY_PREFIX, logger });
  await redis.connect();
  const fanOut = await connectSocketIoRedisFanOut(url, config.REDIS_KEY_PREFIX, logger);
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
  // Start ready when the broker is there; without it, start anyway (not ready) and let the manager reconnect.
  if (!(await queue.waitUntilConnected(STARTUP_CONNECT_TIMEOUT_MS))) {
    logger.warn('RabbitMQ is not reachable yet; publishing waits for it', { url: describeUrl(url) });
  }
  return {
    queue,
    health: new AmqpHealthIndicator(queue),
    active: { queue: `rabbitmq ${describeUrl(url)} queue=${config.RABBITMQ_QUEUE}` },
    close: async () => undefined,
  };
};

/**
 * Each service is real when its URL is configured and in memory otherwise;
 * production refuses to start half-configured (config.ts). What was
 * connected is closed again if a later service fails to start.
 */
export const selectInfrastructure = async (config: Config, logger: Logger): Promise<Infrastructure> => {
  const embedded = memoryInfrastructure(config, logger);
  const parts: Part[] = [];
  try {
    if (config.MONGODB_URI) parts.push(await mongoPart(config.MONGODB_URI, config, logger));
    if (config.REDIS_URL) parts.push(await redisPart(config.REDIS_URL, config, logger));
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
