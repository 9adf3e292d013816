import { InMemoryPresenceStore } from '../../src/adapters/memory/in-memory-presence-store.js';
import { describePresenceStoreContract } from './presence-store-contract.js';

describePresenceStoreContract('in-memory', async ({ leaseMs }) => new InMemoryPresenceStore({ leaseMs }));
