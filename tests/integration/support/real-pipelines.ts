import { randomBytes } from 'node:crypto';
import amqplib from 'amqplib';
import type { Db } from 'mongodb';
import { AmqpMessageQueue } from '../../../src/adapters/amqp/amqp-message-queue.js';
import { connectMongo, type MongoConnection } from '../../../src/adapters/mongo/mongo-connection.js';
import type { Infrastructure } from '../../../src/bootstrap/infrastructure.js';
import { selectInfrastructure } from '../../../src/bootstrap/select-infrastructure.js';
import { buildCore, testConfig, type Core } from '../../support/build-core.js';
import { silentLogger } from '../../support/silent-logger.js';

export interface PipelineOptions {
  readonly db: string;
  readonly queue: string;
  /** The broker the core's queue connects to (e.g. through a relay). */
  readonly rabbitUrl: string;
  /** Where its queues are deleted afterwards; `rabbitUrl` unless that goes through a relay. */
  readonly adminUrl?: string;
  readonly env?: Record<string, string>;
  /** Replaces ports of the real infrastructure, e.g. to make one call hang. */
  readonly override?: (infrastructure: Infrastructure) => Partial<Infrastructure>;
}

const CLOSE_TIMEOUT_MS = 10_000;

const within = (work: Promise<unknown>, ms: number): Promise<unknown> =>
  Promise.race([work, new Promise((resolve) => setTimeout(resolve, ms).unref())]);

/**
 * Application cores on the real Mongo and RabbitMQ adapters, as selectInfrastructure composes them in production.
 * Each test names its own database and queue; `dispose` closes every core, deletes its queues and drops its database.
 */
export class RealPipelines {
  private readonly cores: { core: Core; adminUrl: string }[] = [];
  private readonly databases = new Set<string>();
  private readonly beforeDispose: (() => void)[] = [];

  private constructor(
    private readonly mongoUrl: string,
    private readonly mongo: MongoConnection,
  ) {}

  static async connect(mongoUrl: string): Promise<RealPipelines> {
    return new RealPipelines(mongoUrl, await connectMongo(mongoUrl));
  }

  /** A fresh name for a test's database or queue. */
  uniqueName(label: string): string {
    return `auto_it_${label}_${randomBytes(4).toString('hex')}`;
  }

  /** The database, read directly (not through a repository). */
  db(name: string): Db {
    return this.mongo.client.db(name);
  }

  async core({ db, queue, rabbitUrl, adminUrl, env = {}, override }: PipelineOptions): Promise<Core> {
    const settings = {
      MONGODB_URI: this.mongoUrl,
      MONGODB_DB: db,
      RABBITMQ_URL: rabbitUrl,
      RABBITMQ_QUEUE: queue,
      AUTO_RETRY_BASE_MS: '50',
      AUTO_MAX_ATTEMPTS: '3',
      AUTO_LEASE_MS: '600000',
      ...env,
    };
    this.databases.add(db);
    const infrastructure = await selectInfrastructure(testConfig(settings), silentLogger);
    const core = buildCore(settings, { ...infrastructure, ...override?.(infrastructure) });
    this.cores.push({ core, adminUrl: adminUrl ?? rabbitUrl });
    return core;
  }

  /** Runs first on dispose, e.g. to release a handler that would keep its queue from closing. */
  onDispose(release: () => void): void {
    this.beforeDispose.push(release);
  }

  async dispose(): Promise<void> {
    for (const release of this.beforeDispose.splice(0)) release();
    const cores = this.cores.splice(0);
    await Promise.all(
      cores.map(async ({ core }) => {
        await within(core.infrastructure.queue.close(), CLOSE_TIMEOUT_MS);
        await within(core.infrastructure.close(), CLOSE_TIMEOUT_MS);
      }),
    );
    const queuesByBroker = new Map<string, Set<string>>();
    for (const { core, adminUrl } of cores) {
      const { queue } = core.infrastructure;
      if (!(queue instanceof AmqpMessageQueue)) continue;
      const names = queuesByBroker.get(adminUrl) ?? new Set<string>();
      for (const name of queue.queueNames()) names.add(name);
      queuesByBroker.set(adminUrl, names);
    }
    await Promise.allSettled([...queuesByBroker].map(([url, names]) => deleteQueues(url, names)));
    for (const name of this.databases) await this.mongo.client.db(name).dropDatabase();
    this.databases.clear();
  }

  async close(): Promise<void> {
    await this.dispose();
    await this.mongo.close();
  }
}

const deleteQueues = async (url: string, names: Iterable<string>): Promise<void> => {
  const connection = await amqplib.connect(url);
  try {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    for (const name of names) await channel.deleteQueue(name);
  } finally {
    await connection.close();
  }
};
