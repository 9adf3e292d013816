import { describe } from 'vitest';
import { MongoBlockRepository } from '../../src/adapters/mongo/mongo-block-repository.js';
import { useService } from '../support/services/use-service.js';
import { describeBlockRepositoryContract } from './block-repository-contract.js';
import { useMongoTestDatabase } from './mongo-test-database.js';

const mongo = useService('mongo');
const database = await useMongoTestDatabase(mongo.url, 'blocks');

describe.skipIf(mongo.skip)('MongoBlockRepository', () => {
  if (!database) return;
  describeBlockRepositoryContract('mongo', async () => new MongoBlockRepository(await database.fresh()));
});
