import { describe } from 'vitest';
import { MongoSessionRepository } from '../../src/adapters/mongo/mongo-session-repository.js';
import { useService } from '../support/services/use-service.js';
import { useMongoTestDatabase } from './mongo-test-database.js';
import { describeSessionRepositoryContract } from './session-repository-contract.js';

const mongo = useService('mongo');
const database = await useMongoTestDatabase(mongo.url, 'sessions');

describe.skipIf(mongo.skip)('MongoSessionRepository', () => {
  if (!database) return;
  describeSessionRepositoryContract('mongo', async () => new MongoSessionRepository(await database.fresh()));
});
