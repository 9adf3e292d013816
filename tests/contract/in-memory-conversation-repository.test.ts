import { InMemoryConversationRepository } from '../../src/adapters/memory/in-memory-conversation-repository.js';
import { describeConversationRepositoryContract } from './conversation-repository-contract.js';
import { describeGroupMembershipsContract } from './group-memberships-contract.js';

describeConversationRepositoryContract('in-memory', async () => new InMemoryConversationRepository());
describeGroupMembershipsContract('in-memory', async () => new InMemoryConversationRepository());
