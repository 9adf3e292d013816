import { InMemoryReactionRepository } from '../../src/adapters/memory/in-memory-reaction-repository.js';
import { describeReactionRepositoryContract } from './reaction-repository-contract.js';

describeReactionRepositoryContract('in-memory', async () => new InMemoryReactionRepository());
