import { describe } from 'vitest';
import { MongoAutoMessageRepository } from '../../src/adapters/mongo/mongo-auto-message-repository.js';
import { useService } from '../support/services/use-service.js';
import { describeAutoMessageRepositoryContract } from './auto-message-repository-contract.js';
import { useMongoTestDatabase } from './mongo-test-database.js';

const mongo = useService('mongo');
const database = await useMongoTestDatabase(mongo.url, 'auto_messages');

describe.skipIf(mongo.skip)('MongoAutoMessageRepository', () => {
  if (!database) return;
  describeAutoMessageRepositoryContract('mongo', async () => new MongoAutoMessageRepository(await database.fresh()));
});
