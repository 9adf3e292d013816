// tsyringe needs the Reflect metadata polyfill loaded before it: both are imported here alone, the polyfill first.
import type { GroupEvents } from '../application/groups/group-events.js';
import 'reflect-metadata';
import { container as rootContainer, instanceCachingFactory, type DependencyContainer } from 'tsyringe';
import type { SessionIssuer } from '../application/auth/session-issuer.js';
import type { ConversationSummaries } from '../application/conversations/conversation-summaries.js';
import type { KnownConversations } from '../application/conversations/known-conversations.js';
import type { DeliveryConfirmation } from '../application/messages/delivery-confirmation.js';
import type { MessagePosting } from '../application/messages/message-posting.js';
import type { MessageViews } from '../application/messages/message-views.js';
import { PartnerDirectory } from '../application/presence/partner-directory.js';
import { partnerLearningConversations } from '../application/presence/partner-learning-conversations.js';
import type { ChangeRecording } from '../application/sync/change-recording.js';
import type { RecentUsers } from '../application/users/recent-users.js';
import type { AutoMessageRepository } from '../ports/auto-message-repository.js';
import type { BlockRepository } from '../ports/block-repository.js';
import type { ChangeLog } from '../ports/change-log.js';
import type { Clock } from '../ports/clock.js';
import type { ConversationRepository } from '../ports/conversation-repository.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Logger } from '../ports/logger.js';
import type { MessageQueue } from '../ports/message-queue.js';
import type { MessageRepository } from '../ports/message-repository.js';
import type { Metrics } from '../ports/metrics.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { PresenceStore } from '../ports/presence-store.js';
import type { RandomSource } from '../ports/random-source.js';
import type { RateLimiterFactory } from '../ports/rate-limiter.js';
import type { ReactionRepository } from '../ports/reaction-repository.js';
import type { RealtimeNotifier } from '../ports/realtime-notifier.js';
import type { SessionRepository } from '../ports/session-repository.js';
import type { SessionRevocations } from '../ports/session-revocations.js';
import type { OpaqueTokenGenerator, TokenService } from '../ports/token-service.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { Config } from './config.js';
import type { Infrastructure } from './infrastructure.js';

export { instanceCachingFactory, type DependencyContainer };

/** A symbol that carries the type of what is registered under it. */
export type Token<T> = symbol & { readonly __holds: T };
const token = <T>(name: string): Token<T> => Symbol(name) as Token<T>;

/** The ports (and the partner directory they need), registered as values by `registerPorts`. */
const PORT_TOKENS = {
  config: token<Config>('Config'),
  logger: token<Logger>('Logger'),
  clock: token<Clock>('Clock'),
  ids: token<IdGenerator>('IdGenerator'),
  random: token<RandomSource>('RandomSource'),
  hasher: token<PasswordHasher>('PasswordHasher'),
  tokens: token<TokenService>('TokenService'),
  opaqueTokens: token<OpaqueTokenGenerator>('OpaqueTokenGenerator'),
  metrics: token<Metrics>('Metrics'),
  notifier: token<RealtimeNotifier>('RealtimeNotifier'),
  users: token<UserRepository>('UserRepository'),
  sessions: token<SessionRepository>('SessionRepository'),
  revocations: token<SessionRevocations>('SessionRevocations'),
  conversations: token<ConversationRepository>('ConversationRepository'),
  messages: token<MessageRepository>('MessageRepository'),
  changes: token<ChangeLog>('ChangeLog'),
  reactions: token<ReactionRepository>('ReactionRepository'),
  blocks: token<BlockRepository>('BlockRepository'),
  autoMessages: token<AutoMessageRepository>('AutoMessageRepository'),
  presence: token<PresenceStore>('PresenceStore'),
  rateLimiters: token<RateLimiterFactory>('RateLimiterFactory'),
  queue: token<MessageQueue>('MessageQueue'),
  partners: token<PartnerDirectory>('PartnerDirectory'),
};

/** The services several use cases share, registered as cached factories in container.ts. */
const SERVICE_TOKENS = {
  sessionIssuer: token<SessionIssuer>('SessionIssuer'),
  recording: token<ChangeRecording>('ChangeRecording'),
  views: token<MessageViews>('MessageViews'),
  deliveries: token<DeliveryConfirmation>('DeliveryConfirmation'),
  summaries: token<ConversationSummaries>('ConversationSummaries'),
  knownConversations: token<KnownConversations>('KnownConversations'),
  recentUsers: token<RecentUsers>('RecentUsers'),
  posting: token<MessagePosting>('MessagePosting'),
  groupEvents: token<GroupEvents>('GroupEvents'),
};

/** Every token in the container but the use cases' own (container.ts derives those from its list). */
export const TOKENS = { ...PORT_TOKENS, ...SERVICE_TOKENS } as const;

export type PortName = keyof typeof PORT_TOKENS;
export type ServiceName = keyof typeof SERVICE_TOKENS;

/** What each token holds. */
export type Dependencies = { readonly [K in keyof typeof TOKENS]: (typeof TOKENS)[K]['__holds'] };

/** The adapters composed outside the container (compose-system.ts, or a test's own). */
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
export const createChildContainer = (): DependencyContainer => rootContainer.createChildContainer();

/** Registers every port as a value; a missing one is an error here, never an empty slot found later. */
export const registerPorts = (container: DependencyContainer, parts: ContainerParts): void => {
  const { infrastructure: infra } = parts;
  const given: { [K in Exclude<PortName, 'partners'>]: Dependencies[K] } = {
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
    revocations: infra.sessionRevocations,
    conversations: infra.conversations,
    messages: infra.messages,
    changes: infra.changes,
    reactions: infra.reactions,
    blocks: infra.blocks,
    autoMessages: infra.autoMessages,
    presence: infra.presence,
    rateLimiters: infra.rateLimiters,
    queue: infra.queue,
  };
  for (const [name, port] of Object.entries(given)) {
    if (port === undefined) throw new Error(`the container needs a ${name} port, and was given none`);
  }
  const partners = new PartnerDirectory({ conversations: given.conversations, clock: given.clock }, PARTNER_DIRECTORY);
  const ports: { [K in PortName]: Dependencies[K] } = {
    ...given,
    conversations: partnerLearningConversations(given.conversations, partners),
    partners,
  };
  for (const name of Object.keys(ports) as PortName[]) container.register(TOKENS[name], { useValue: ports[name] });
};
