import { describe } from 'vitest';
import { MongoReactionRepository } from '../../src/adapters/mongo/mongo-reaction-repository.js';
import { useService } from '../support/services/use-service.js';
import { useMongoTestDatabase } from './mongo-test-database.js';
import { describeReactionRepositoryContract } from './reaction-repository-contract.js';

const mongo = useService('mongo');
const database = await useMongoTestDatabase(mongo.url, 'reactions');

describe.skipIf(mongo.skip)('MongoReactionRepository', () => {
  if (!database) return;
  describeReactionRepositoryContract('mongo', async () => new MongoReactionRepository(await database.fresh()));
});
