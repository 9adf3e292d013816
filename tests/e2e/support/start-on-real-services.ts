import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { afterAll } from 'vitest';
import { useService } from '../../support/services/use-service.js';
import { startE2eApp, type StartE2eApp } from './start-e2e-app.js';

export interface RealServices {
  /** True when a service is missing and the suite must be skipped (with its reason printed). */
  readonly skip: boolean;
  readonly start: StartE2eApp;
}

/**
 * Apps on the real services of the test run. Every app gets its own database,
 * key prefix and queue, so apps never share counters, presence or items,
 * unless `env` names the same ones for several apps; the databases are
 * dropped after the file.
 */
export const useRealServices = (): RealServices => {
  const mongo = useService('mongo');
  const redis = useService('redis');
  const rabbitmq = useService('rabbitmq');
  const databases = new Set<string>();
  afterAll(async () => {
    if (databases.size === 0) return;
    const client = await MongoClient.connect(mongo.url!);
    await Promise.all([...databases].map((name) => client.db(name).dropDatabase()));
    await client.close();
  });
  return {
    skip: mongo.skip || redis.skip || rabbitmq.skip,
    start: (env = {}, overrides = {}) => {
      const id = randomBytes(4).toString('hex');
      // Apps started with the same MONGODB_DB (several processes of one deployment) share it; it is dropped once.
      databases.add(env.MONGODB_DB ?? `e2e_${id}`);
      return startE2eApp(
        {
          MONGODB_URI: mongo.url!,
          MONGODB_DB: `e2e_${id}`,
          REDIS_URL: redis.url!,
          REDIS_KEY_PREFIX: `e2e:${id}:`,
          RABBITMQ_URL: rabbitmq.url!,
          RABBITMQ_QUEUE: `e2e.${id}`,
          ...env,
        },
        overrides,
      );
    },
  };
};
