import { InProcessMessageQueue } from '../../src/adapters/memory/in-process-message-queue.js';
import { describeMessageQueueContract } from './message-queue-contract.js';

describeMessageQueueContract('InProcessMessageQueue', async ({ name, maxAttempts, backoffMs, prefetch, logger }) => {
  const queue = new InProcessMessageQueue({ name, maxAttempts, backoffMs, prefetch, logger });
  return { queue, dispose: () => queue.close() };
});
