import { InMemoryBlockRepository } from '../../src/adapters/memory/in-memory-block-repository.js';
import { describeBlockRepositoryContract } from './block-repository-contract.js';

describeBlockRepositoryContract('in-memory', async () => new InMemoryBlockRepository());
