import type { BlockRepository } from '../ports/block-repository.js';
import type { AutoMessageRepository } from '../ports/auto-message-repository.js';
import type { ChangeLog } from '../ports/change-log.js';
import type { ReactionRepository } from '../ports/reaction-repository.js';
import type { ConversationRepository } from '../ports/conversation-repository.js';
import type { HealthIndicator } from '../ports/health-indicator.js';
import type { MessageQueue } from '../ports/message-queue.js';
import type { MessageRepository } from '../ports/message-repository.js';
import type { PresenceStore } from '../ports/presence-store.js';
import type { RateLimiterFactory } from '../ports/rate-limiter.js';
import type { SessionRepository } from '../ports/session-repository.js';
import type { SessionRevocations } from '../ports/session-revocations.js';
import type { UserRepository } from '../ports/user-repository.js';

/** The driven adapters that hold state or talk to a backing service. */
export interface Infrastructure {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly conversations: ConversationRepository;
  readonly messages: MessageRepository;
  readonly changes: ChangeLog;
  readonly reactions: ReactionRepository;
  readonly blocks: BlockRepository;
  readonly autoMessages: AutoMessageRepository;
  readonly presence: PresenceStore;
  readonly rateLimiters: RateLimiterFactory;
  readonly queue: MessageQueue;
  readonly sessionRevocations: SessionRevocations;
  readonly health: readonly HealthIndicator[];
  /** False while a backing service has answered nothing even on a rebuilt client: restart the process. */
  isLive(): boolean;
  /** Which adapter serves each port, for the startup log. */
  readonly active: Readonly<Record<'repositories' | 'presence' | 'rateLimits' | 'queue' | 'socketFanOut', string>>;
  /** Attaches the cross-process Socket.IO adapter, when there is one. */
  readonly socketAdapter?: unknown;
  /** Registers a call for each time the cross-process fan-out works again after a lost connection. */
  readonly onFanOutRestored?: (listener: () => void) => void;
  /** Closes connections, after the queue has stopped. */
  close(): Promise<void>;
}
