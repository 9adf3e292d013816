import { InMemoryUserRepository } from '../../src/adapters/memory/in-memory-user-repository.js';
import { describeUserRepositoryContract } from './user-repository-contract.js';

describeUserRepositoryContract('in-memory', async () => new InMemoryUserRepository());
