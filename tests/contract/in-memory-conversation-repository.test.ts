import { InMemoryConversationRepository } from '../../src/adapters/memory/in-memory-conversation-repository.js';
import { describeConversationRepositoryContract } from './conversation-repository-contract.js';

describeConversationRepositoryContract('in-memory', async () => new InMemoryConversationRepository());
