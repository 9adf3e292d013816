import { InMemoryAutoMessageRepository } from '../../src/adapters/memory/in-memory-auto-message-repository.js';
import { describeAutoMessageRepositoryContract } from './auto-message-repository-contract.js';

describeAutoMessageRepositoryContract('in-memory', async () => new InMemoryAutoMessageRepository());
