import { rootContainer, type DependencyContainer } from './di.js';
import { PartnerDirectory } from '../application/presence/partner-directory.js';
import { partnerLearningConversations } from '../application/presence/partner-learning-conversations.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Logger } from '../ports/logger.js';
import type { Metrics } from '../ports/metrics.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { RandomSource } from '../ports/random-source.js';
import type { RealtimeNotifier } from '../ports/realtime-notifier.js';
import type { OpaqueTokenGenerator, TokenService } from '../ports/token-service.js';
import type { Config } from './config.js';
import type { Infrastructure } from './infrastructure.js';
import { TOKENS } from './tokens.js';
import { registerUseCases } from './use-case-registrations.js';

export interface ContainerParts {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly random: RandomSource;
  readonly hasher: PasswordHasher;
  readonly tokens: TokenService;
  readonly opaqueTokens: OpaqueTokenGenerator;
  readonly metrics: Metrics;
  readonly notifier: RealtimeNotifier;
  readonly infrastructure: Infrastructure;
}

/**
 * Partners are read once per user and lifetime, not per connect. Within the
 * lifetime a conversation made on another process is not yet known here:
 * that new partner may miss a `user_online` (see PartnerDirectory).
 */
const PARTNER_DIRECTORY = { ttlMs: 30_000, maxUsers: 20_000 };

/** A child container per app, so several apps (tests, benchmarks) live side by side in one process. */
export const buildContainer = (parts: ContainerParts): DependencyContainer => {
  const container = rootContainer.createChildContainer();
  const { infrastructure: infra } = parts;
  const partners = new PartnerDirectory({ conversations: infra.conversations, clock: parts.clock }, PARTNER_DIRECTORY);
  const values: Record<keyof typeof TOKENS, unknown> = {
    config: parts.config,
    logger: parts.logger,
    clock: parts.clock,
    ids: parts.ids,
    random: parts.random,
    hasher: parts.hasher,
    tokens: parts.tokens,
    opaqueTokens: parts.opaqueTokens,
    metrics: parts.metrics,
    notifier: parts.notifier,
    users: infra.users,
    sessions: infra.sessions,
    sessionRevocations: infra.sessionRevocations,
    conversations: partnerLearningConversations(infra.conversations, partners),
    messages: infra.messages,
    changes: infra.changes,
    reactions: infra.reactions,
    blocks: infra.blocks,
    autoMessages: infra.autoMessages,
    presence: infra.presence,
    rateLimiters: infra.rateLimiters,
    queue: infra.queue,
    sessionIssuer: undefined,
    deliveries: undefined,
    posting: undefined,
    summaries: undefined,
    recording: undefined,
    views: undefined,
    knownConversations: undefined,
    recentUsers: undefined,
    partners,
  };
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) container.register(TOKENS[name as keyof typeof TOKENS], { useValue: value });
  }
  registerUseCases(container);
  return container;
};
