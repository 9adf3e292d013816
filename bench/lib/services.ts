import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import amqplib from 'amqplib';
import { MongoClient } from 'mongodb';
import { createClient } from 'redis';
import { mongoLauncher } from '../../tests/support/services/mongo.js';
import { rabbitmqLauncher } from '../../tests/support/services/rabbitmq.js';
import { redisLauncher } from '../../tests/support/services/redis.js';
import type { LocalServer, ServiceLauncher, ServiceName } from '../../tests/support/services/service-launcher.js';

export interface ServiceInfo {
  readonly url: string;
  /** e.g. `redis 7.0.15`, `FerretDB 1.24.2 (SQLite)`. */
  readonly version: string;
  /** Where it came from: started here, or the environment variable. */
  readonly source: string;
  /** FerretDB is a compatibility server, not a speed reference. */
  readonly isFerretDb?: boolean;
}

export interface ServiceNames {
  readonly mongoDb: string;
  readonly redisPrefix: string;
  readonly queue: string;
}

export interface RealServices {
  readonly mongo?: ServiceInfo;
  readonly redis?: ServiceInfo;
  readonly rabbitmq?: ServiceInfo;
  /** Why a service is missing. */
  readonly missing: Partial<Record<ServiceName, string>>;
  /** Fresh names for one app process (database, key prefix, queue), remembered for the clean-up. */
  namesFor(tag: string): ServiceNames;
  /** Stops what this run started; on servers from the environment, removes what the run made. */
  stop(): Promise<void>;
}

const ROOT = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));

const hide = (url: string): string => url.replace(/\/\/[^@/]*@/, '//***@');

/** Our FerretDB wrapper reports `unknown`; the version it was built from is in its go.mod. */
const wrappedFerretDbVersion = (): string => {
  try {
    const goMod = readFileSync(path.join(ROOT, 'tools/ferretdb/go.mod'), 'utf8');
    return /github\.com\/FerretDB\/FerretDB (v\S+)/.exec(goMod)?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
};

const mongoVersion = async (url: string): Promise<{ version: string; isFerretDb: boolean }> => {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    const reported = typeof info.ferretdbVersion === 'string' ? info.ferretdbVersion : undefined;
    const ferret = reported === 'unknown' ? wrappedFerretDbVersion() : reported;
    return ferret
      ? { version: `FerretDB ${ferret} (SQLite), MongoDB wire ${String(info.version)}`, isFerretDb: true }
      : { version: `MongoDB ${String(info.version)}`, isFerretDb: false };
  } finally {
    await client.close();
  }
};

const redisVersion = async (url: string): Promise<string> => {
  const client = createClient({ url });
  await client.connect();
  try {
    const info = await client.info('server');
    return `Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? '?'}`;
  } finally {
    await client.quit();
  }
};

const rabbitVersion = async (url: string): Promise<string> => {
  const connection = await amqplib.connect(url);
  try {
    const properties = (connection.connection as unknown as { serverProperties?: Record<string, unknown> })
      .serverProperties;
    return `RabbitMQ ${String(properties?.version ?? '?')}`;
  } finally {
    await connection.close();
  }
};

const VERSIONS: Record<ServiceName, (url: string) => Promise<Omit<ServiceInfo, 'url' | 'source'>>> = {
  mongo: (url) => mongoVersion(url),
  redis: async (url) => ({ version: await redisVersion(url) }),
  rabbitmq: async (url) => ({ version: await rabbitVersion(url) }),
};

/** Removes this run's database, keys and queues from servers it did not start. */
const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 16_000];

const cleanUpShared = async (service: ServiceName, url: string, all: readonly ServiceNames[]): Promise<void> => {
  if (service === 'mongo') {
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
    try {
      for (const names of all) await client.db(names.mongoDb).dropDatabase();
    } finally {
      await client.close();
    }
  } else if (service === 'redis') {
    const client = createClient({ url });
    await client.connect();
    try {
      for (const names of all) {
        for await (const keys of client.scanIterator({ MATCH: `${names.redisPrefix}*`, COUNT: 500 })) {
          if (keys.length > 0) await client.del(keys);
        }
      }
    } finally {
      await client.quit();
    }
  } else {
    const connection = await amqplib.connect(url);
    try {
      // The work queue, its dead-letter and retry queues (AUTO_RETRY_BASE_MS default), the baseline's queue.
      const suffixes = ['', '.dead', ...RETRY_DELAYS_MS.map((ms) => `.retry.${ms}ms`)];
      for (const names of all) {
        for (const suffix of suffixes) {
          // A missing queue is fine; a fresh channel each time, since a failed delete may close it.
          const channel = await connection.createChannel();
          await channel.deleteQueue(`${names.queue}${suffix}`).catch(() => undefined);
          await channel.close().catch(() => undefined);
        }
      }
    } finally {
      await connection.close().catch(() => undefined);
    }
  }
};

/**
 * Each service from its environment variable, else started on loopback with
 * the test harness's launcher when its binary is installed, else missing with
 * the reason. Launch failures are reasons, not errors.
 */
export const startRealServices = async (log: (line: string) => void): Promise<RealServices> => {
  const run = randomBytes(3).toString('hex');
  const handedOut: ServiceNames[] = [];
  // RabbitMQ's schedulers spin while idle by default; on a small shared machine they would take the app's CPU.
  process.env.RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS ??= '+sbwt none +sbwtdcpu none +sbwtdio none';
  const started: LocalServer[] = [];
  const fromEnv: Array<{ name: ServiceName; url: string }> = [];
  const missing: Partial<Record<ServiceName, string>> = {};
  const found: Partial<Record<ServiceName, ServiceInfo>> = {};

  const locate = async (launcher: ServiceLauncher): Promise<void> => {
    const envUrl = process.env[launcher.envVar];
    let url: string;
    let source: string;
    if (envUrl) {
      url = envUrl;
      source = `from ${launcher.envVar}`;
    } else {
      const reason = await launcher.unavailableReason();
      if (reason) {
        missing[launcher.name] = reason;
        return;
      }
      const begun = Date.now();
      try {
        const server = await launcher.launch();
        started.push(server);
        url = server.url;
        source = `started on loopback for this run (${((Date.now() - begun) / 1000).toFixed(1)} s)`;
      } catch (error) {
        missing[launcher.name] = `failed to start: ${(error as Error).message.split('\n')[0]}`;
        return;
      }
    }
    try {
      found[launcher.name] = { url, source, ...(await VERSIONS[launcher.name](url)) };
      if (envUrl) fromEnv.push({ name: launcher.name, url });
      log(`  ${launcher.name}: ${found[launcher.name]?.version} at ${hide(url)}, ${source}`);
    } catch (error) {
      missing[launcher.name] = `not reachable at ${hide(url)}: ${(error as Error).message}`;
    }
  };

  await Promise.all([mongoLauncher, redisLauncher, rabbitmqLauncher].map(locate));
  for (const [name, reason] of Object.entries(missing)) log(`  ${name}: not used (${reason})`);

  return {
    ...found,
    missing,
    namesFor(tag) {
      const id = `${tag}${handedOut.length + 1}`;
      const names = { mongoDb: `bench_${run}_${id}`, redisPrefix: `bench:${run}:${id}:`, queue: `bench.${run}.${id}` };
      handedOut.push(names);
      return names;
    },
    async stop() {
      await Promise.allSettled(fromEnv.map(({ name, url }) => cleanUpShared(name, url, handedOut)));
      await Promise.allSettled(started.map((server) => server.stop()));
    },
  };
};
