import { InMemoryMessageRepository } from '../../src/adapters/memory/in-memory-message-repository.js';
import { describeGroupMessagesContract } from './group-messages-contract.js';
import { describeMessageRepositoryContract } from './message-repository-contract.js';

describeMessageRepositoryContract('in-memory', async () => new InMemoryMessageRepository());
describeGroupMessagesContract('in-memory', async () => new InMemoryMessageRepository());
