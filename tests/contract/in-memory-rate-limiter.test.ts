import { createInMemoryRateLimiterFactory } from '../../src/adapters/memory/in-memory-rate-limiter.js';
import { describeRateLimiterContract } from './rate-limiter-contract.js';

describeRateLimiterContract('in-memory', async () => createInMemoryRateLimiterFactory());
