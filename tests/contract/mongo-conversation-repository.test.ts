import { describe } from 'vitest';
import { MongoConversationRepository } from '../../src/adapters/mongo/mongo-conversation-repository.js';
import { useService } from '../support/services/use-service.js';
import { describeConversationRepositoryContract } from './conversation-repository-contract.js';
import { useMongoTestDatabase } from './mongo-test-database.js';

const mongo = useService('mongo');
const database = await useMongoTestDatabase(mongo.url, 'conversations');

describe.skipIf(mongo.skip)('MongoConversationRepository', () => {
  if (!database) return;
  describeConversationRepositoryContract('mongo', async () => new MongoConversationRepository(await database.fresh()));
});
