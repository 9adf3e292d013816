import { InMemoryChangeLog } from '../../src/adapters/memory/in-memory-change-log.js';
import { describeChangeLogContract } from './change-log-contract.js';

describeChangeLogContract('in-memory', async () => new InMemoryChangeLog());
