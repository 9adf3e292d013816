import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { afterAll, describe } from 'vitest';
import { useService } from '../support/services/use-service.js';
import { describeAccessControlScenarios } from './scenarios/access-control-scenarios.js';
import { describeAutoMessageScenarios } from './scenarios/auto-message-scenarios.js';
import { describeChatScenarios } from './scenarios/chat-scenarios.js';
import { describeConcurrencyScenarios } from './scenarios/concurrency-scenarios.js';
import { describeErrorTableScenarios } from './scenarios/error-table-scenarios.js';
import { describeHistoryScenarios } from './scenarios/history-scenarios.js';
import { describeIdempotencyScenarios } from './scenarios/idempotency-scenarios.js';
import { describePresenceScenarios } from './scenarios/presence-scenarios.js';
import { describeSessionScenarios } from './scenarios/session-scenarios.js';
import { describeSocketAuthScenarios } from './scenarios/socket-auth-scenarios.js';
import { describeTypingScenarios } from './scenarios/typing-scenarios.js';
import { describeUnreadScenarios } from './scenarios/unread-scenarios.js';
import { startE2eApp, type StartE2eApp } from './support/start-e2e-app.js';

const mongo = useService('mongo');
const redis = useService('redis');
const rabbitmq = useService('rabbitmq');
const skip = mongo.skip || redis.skip || rabbitmq.skip;

const databases: string[] = [];

/** Every app gets its own database, key prefix and queue, so apps never share counters, presence or items. */
const startOnRealServices: StartE2eApp = (env = {}, overrides = {}) => {
  const id = randomBytes(4).toString('hex');
  databases.push(`e2e_${id}`);
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
};

// The same scenarios as on the embedded default, with MongoDB, Redis and RabbitMQ behind every port.
describe.skipIf(skip)('on real MongoDB, Redis and RabbitMQ', () => {
  afterAll(async () => {
    const client = await MongoClient.connect(mongo.url!);
    await Promise.all(databases.map((name) => client.db(name).dropDatabase()));
    await client.close();
  });

  describeChatScenarios(startOnRealServices);
  describeTypingScenarios(startOnRealServices);
  describePresenceScenarios(startOnRealServices);
  describeUnreadScenarios(startOnRealServices);
  describeHistoryScenarios(startOnRealServices);
  describeSessionScenarios(startOnRealServices);
  describeSocketAuthScenarios(startOnRealServices);
  describeAccessControlScenarios(startOnRealServices);
  describeErrorTableScenarios(startOnRealServices);
  describeIdempotencyScenarios(startOnRealServices);
  describeConcurrencyScenarios(startOnRealServices);
  describeAutoMessageScenarios(startOnRealServices);
});
