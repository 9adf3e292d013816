import { InMemorySessionRepository } from '../../src/adapters/memory/in-memory-session-repository.js';
import { describeSessionRepositoryContract } from './session-repository-contract.js';

describeSessionRepositoryContract('in-memory', async () => new InMemorySessionRepository());
