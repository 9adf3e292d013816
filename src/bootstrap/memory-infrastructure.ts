import { createInMemoryRateLimiterFactory } from '../adapters/memory/in-memory-rate-limiter.js';
import { InMemoryChangeLog } from '../adapters/memory/in-memory-change-log.js';
import { InMemoryBlockRepository } from '../adapters/memory/in-memory-block-repository.js';
import { InMemoryReactionRepository } from '../adapters/memory/in-memory-reaction-repository.js';
import { InMemoryAutoMessageRepository } from '../adapters/memory/in-memory-auto-message-repository.js';
import { InMemoryConversationRepository } from '../adapters/memory/in-memory-conversation-repository.js';
import { InMemoryMessageRepository } from '../adapters/memory/in-memory-message-repository.js';
import { InMemoryPresenceStore } from '../adapters/memory/in-memory-presence-store.js';
import { InMemorySessionRepository } from '../adapters/memory/in-memory-session-repository.js';
import { InMemoryUserRepository } from '../adapters/memory/in-memory-user-repository.js';
import { InProcessMessageQueue } from '../adapters/memory/in-process-message-queue.js';
import { InProcessSessionRevocations } from '../adapters/shared/in-process-session-revocations.js';
import type { Logger } from '../ports/logger.js';
import type { Config } from './config.js';
import type { Infrastructure } from './infrastructure.js';

/** Every port in this process's memory: the embedded default, no external service. */
export const memoryInfrastructure = (config: Config, logger: Logger): Infrastructure => {
  const queue = new InProcessMessageQueue({
    logger,
    name: config.RABBITMQ_QUEUE,
    maxAttempts: config.AUTO_MAX_ATTEMPTS,
    backoffMs: config.AUTO_RETRY_BASE_MS,
    prefetch: config.AUTO_PREFETCH,
  });
  return {
    users: new InMemoryUserRepository(),
    sessions: new InMemorySessionRepository(),
    conversations: new InMemoryConversationRepository(),
    messages: new InMemoryMessageRepository(),
    changes: new InMemoryChangeLog(),
    reactions: new InMemoryReactionRepository(),
    blocks: new InMemoryBlockRepository(),
    autoMessages: new InMemoryAutoMessageRepository(),
    presence: new InMemoryPresenceStore({ leaseMs: config.PRESENCE_LEASE_SECONDS * 1000 }),
    rateLimiters: createInMemoryRateLimiterFactory(),
    queue,
    sessionRevocations: new InProcessSessionRevocations({ keepMs: config.ACCESS_TOKEN_TTL_SECONDS * 1000 }),
    health: [],
    isLive: () => true,
    active: {
      repositories: 'in-memory',
      presence: 'in-memory',
      rateLimits: 'in-memory',
      queue: 'in-process',
      socketFanOut: 'in-process',
    },
    close: async () => undefined,
  };
};
