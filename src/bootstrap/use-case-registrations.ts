import { instanceCachingFactory, type DependencyContainer } from './di.js';
import { Authenticate } from '../application/auth/authenticate.js';
import { GetCurrentUser } from '../application/auth/get-current-user.js';
import { LogIn } from '../application/auth/log-in.js';
import { LogOut } from '../application/auth/log-out.js';
import { RefreshSession } from '../application/auth/refresh-session.js';
import { RegisterUser } from '../application/auth/register-user.js';
import { SessionIssuer } from '../application/auth/session-issuer.js';
import { DeliverQueuedMessage } from '../application/auto/deliver-queued-message.js';
import { EnqueueDueAutoMessages } from '../application/auto/enqueue-due-auto-messages.js';
import { PlanAutoMessages } from '../application/auto/plan-auto-messages.js';
import { CheckParticipation } from '../application/conversations/check-participation.js';
import { ConversationSummaries } from '../application/conversations/conversation-summaries.js';
import { GetConversation } from '../application/conversations/get-conversation.js';
import { GetConversationHistory } from '../application/conversations/get-conversation-history.js';
import { KnownConversations } from '../application/conversations/known-conversations.js';
import { ListConversations } from '../application/conversations/list-conversations.js';
import { MarkConversationRead } from '../application/conversations/mark-conversation-read.js';
import { MuteConversation } from '../application/conversations/mute-conversation.js';
import { NotifyTyping } from '../application/conversations/notify-typing.js';
import { DeliveryConfirmation } from '../application/messages/delivery-confirmation.js';
import { DeleteMessage } from '../application/messages/delete-message.js';
import { EditMessage } from '../application/messages/edit-message.js';
import { MessageViews } from '../application/messages/message-views.js';
import { ReactToMessage } from '../application/messages/react-to-message.js';
import { GetUnreadCount } from '../application/messages/get-unread-count.js';
import { MarkMessageRead } from '../application/messages/mark-message-read.js';
import { MessagePosting } from '../application/messages/message-posting.js';
import { SendMessage } from '../application/messages/send-message.js';
import { TrackPresence } from '../application/presence/track-presence.js';
import { BlockUser } from '../application/users/block-user.js';
import { GetOnlineStats } from '../application/users/get-online-stats.js';
import { ListUsers } from '../application/users/list-users.js';
import { RecentUsers } from '../application/users/recent-users.js';
import { UpdateProfile } from '../application/users/update-profile.js';
import type { UseCases } from '../application/use-cases.js';
import { ChangeRecording } from '../application/sync/change-recording.js';
import { PruneChanges } from '../application/sync/prune-changes.js';
import { SyncChanges } from '../application/sync/sync-changes.js';
import type { AutoMessageRepository } from '../ports/auto-message-repository.js';
import type { ChangeLog } from '../ports/change-log.js';
import type { BlockRepository } from '../ports/block-repository.js';
import type { ReactionRepository } from '../ports/reaction-repository.js';
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
import type { RealtimeNotifier } from '../ports/realtime-notifier.js';
import type { SessionRepository } from '../ports/session-repository.js';
import type { SessionRevocations } from '../ports/session-revocations.js';
import type { OpaqueTokenGenerator, TokenService } from '../ports/token-service.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { Config } from './config.js';
import { TOKENS } from './tokens.js';

/** Resolves every port a use case may need, typed. */
const portsOf = (c: DependencyContainer) => ({
  config: c.resolve<Config>(TOKENS.config),
  logger: c.resolve<Logger>(TOKENS.logger),
  clock: c.resolve<Clock>(TOKENS.clock),
  ids: c.resolve<IdGenerator>(TOKENS.ids),
  random: c.resolve<RandomSource>(TOKENS.random),
  hasher: c.resolve<PasswordHasher>(TOKENS.hasher),
  tokens: c.resolve<TokenService>(TOKENS.tokens),
  opaqueTokens: c.resolve<OpaqueTokenGenerator>(TOKENS.opaqueTokens),
  metrics: c.resolve<Metrics>(TOKENS.metrics),
  users: c.resolve<UserRepository>(TOKENS.users),
  sessions: c.resolve<SessionRepository>(TOKENS.sessions),
  revocations: c.resolve<SessionRevocations>(TOKENS.sessionRevocations),
  conversations: c.resolve<ConversationRepository>(TOKENS.conversations),
  messages: c.resolve<MessageRepository>(TOKENS.messages),
  changes: c.resolve<ChangeLog>(TOKENS.changes),
  reactions: c.resolve<ReactionRepository>(TOKENS.reactions),
  blocks: c.resolve<BlockRepository>(TOKENS.blocks),
  autoMessages: c.resolve<AutoMessageRepository>(TOKENS.autoMessages),
  presence: c.resolve<PresenceStore>(TOKENS.presence),
  rateLimiters: c.resolve<RateLimiterFactory>(TOKENS.rateLimiters),
  queue: c.resolve<MessageQueue>(TOKENS.queue),
  notifier: c.resolve<RealtimeNotifier>(TOKENS.notifier),
});

type Ports = ReturnType<typeof portsOf>;

/** The shared services several use cases build on. */
const services = (c: DependencyContainer) => ({
  recording: c.resolve<ChangeRecording>(TOKENS.recording),
  views: c.resolve<MessageViews>(TOKENS.views),
});

/** The use cases, each built from the ports (and shared services) it needs. */
const useCaseFactories: { [K in keyof UseCases]: (p: Ports, c: DependencyContainer) => UseCases[K] } = {
  registerUser: (p, c) =>
    new RegisterUser({
      ...p,
      sessions: c.resolve(TOKENS.sessionIssuer),
      limitPerIp: p.rateLimiters({
        name: 'register-ip',
        points: p.config.REGISTER_LIMIT_PER_IP,
        durationSeconds: p.config.REGISTER_LIMIT_WINDOW_SECONDS,
      }),
    }),
  logIn: (p, c) =>
    new LogIn({
      ...p,
      sessions: c.resolve(TOKENS.sessionIssuer),
      limitPerIp: p.rateLimiters({
        name: 'login-ip',
        points: p.config.LOGIN_LIMIT_PER_IP,
        durationSeconds: p.config.LOGIN_LIMIT_WINDOW_SECONDS,
      }),
      limitPerAccountAndIp: p.rateLimiters({
        name: 'login-account-ip',
        points: p.config.LOGIN_LIMIT_PER_ACCOUNT_AND_IP,
        durationSeconds: p.config.LOGIN_LIMIT_WINDOW_SECONDS,
      }),
      limitPerAccount: p.rateLimiters({
        name: 'login-account',
        points: p.config.LOGIN_LIMIT_PER_ACCOUNT,
        durationSeconds: p.config.LOGIN_LIMIT_WINDOW_SECONDS,
      }),
    }),
  refreshSession: (p, c) =>
    new RefreshSession({
      ...p,
      issuer: c.resolve(TOKENS.sessionIssuer),
      reuseGraceMs: p.config.REFRESH_REUSE_GRACE_SECONDS * 1000,
    }),
  logOut: (p) => new LogOut(p),
  authenticate: (p) => new Authenticate(p),
  getCurrentUser: (p) => new GetCurrentUser(p),
  listUsers: (p) => new ListUsers(p),
  getOnlineStats: (p) => new GetOnlineStats(p),
  updateProfile: (p) => new UpdateProfile(p),
  blockUser: (p) => new BlockUser(p),
  sendMessage: (p, c) =>
    new SendMessage({
      ...p,
      users: c.resolve(TOKENS.recentUsers),
      known: c.resolve(TOKENS.knownConversations),
      posting: c.resolve(TOKENS.posting),
    }),
  markMessageRead: (p, c) => new MarkMessageRead({ ...p, ...services(c) }),
  deleteMessage: (p, c) => new DeleteMessage({ ...p, ...services(c) }),
  editMessage: (p, c) =>
    new EditMessage({
      ...p,
      ...services(c),
      editWindowSeconds: p.config.MESSAGE_EDIT_WINDOW_SECONDS,
    }),
  getUnreadCount: (p) => new GetUnreadCount(p),
  listConversations: (p, c) => new ListConversations({ ...p, summaries: c.resolve(TOKENS.summaries) }),
  getConversation: (p, c) => new GetConversation({ ...p, summaries: c.resolve(TOKENS.summaries) }),
  getConversationHistory: (p, c) => new GetConversationHistory({ ...p, ...services(c) }),
  markConversationRead: (p, c) => new MarkConversationRead({ ...p, ...services(c) }),
  muteConversation: (p) => new MuteConversation(p),
  syncChanges: (p, c) => new SyncChanges({ ...p, ...services(c) }),
  reactToMessage: (p, c) => new ReactToMessage({ ...p, ...services(c) }),
  pruneChanges: (p) => new PruneChanges({ ...p, retentionDays: p.config.SYNC_RETENTION_DAYS }),
  checkParticipation: (p) => new CheckParticipation(p),
  notifyTyping: (p) => new NotifyTyping(p),
  trackPresence: (p, c) =>
    new TrackPresence({
      ...p,
      partners: c.resolve(TOKENS.partners),
      maxConnectionsPerUser: p.config.SOCKETS_PER_USER,
    }),
  planAutoMessages: (p) => new PlanAutoMessages(p),
  enqueueDueAutoMessages: (p) =>
    new EnqueueDueAutoMessages({ ...p, leaseMs: p.config.AUTO_LEASE_MS, maxPerRun: p.config.AUTO_ENQUEUE_BATCH }),
  deliverQueuedMessage: (p, c) =>
    new DeliverQueuedMessage({
      ...p,
      posting: c.resolve(TOKENS.posting),
      retryLeaseMs: p.config.AUTO_LEASE_MS,
    }),
};

export const USE_CASE_TOKENS = Object.fromEntries(
  Object.keys(useCaseFactories).map((name) => [name, Symbol(name)]),
) as { [K in keyof UseCases]: symbol };

const cached = <T>(container: DependencyContainer, token: symbol, build: (p: Ports, c: DependencyContainer) => T) =>
  container.register(token, { useFactory: instanceCachingFactory((c) => build(portsOf(c), c)) });

/** Registers shared services and use cases as cached factories: built on first resolve, once. */
export const registerUseCases = (container: DependencyContainer): void => {
  cached(
    container,
    TOKENS.sessionIssuer,
    (p) => new SessionIssuer({ ...p, refreshTokenTtlSeconds: p.config.REFRESH_TOKEN_TTL_SECONDS }),
  );
  cached(container, TOKENS.recording, (p) => new ChangeRecording(p));
  cached(container, TOKENS.views, (p) => new MessageViews(p));
  cached(container, TOKENS.deliveries, (p, c) => new DeliveryConfirmation({ ...p, ...services(c) }));
  cached(container, TOKENS.summaries, (p) => new ConversationSummaries(p));
  cached(container, TOKENS.knownConversations, () => new KnownConversations());
  cached(container, TOKENS.recentUsers, (p) => new RecentUsers(p));
  cached(
    container,
    TOKENS.posting,
    (p, c) =>
      new MessagePosting({
        ...p,
        deliveries: c.resolve(TOKENS.deliveries),
        known: c.resolve(TOKENS.knownConversations),
        ...services(c),
      }),
  );
  for (const name of Object.keys(useCaseFactories) as Array<keyof UseCases>) {
    cached<unknown>(container, USE_CASE_TOKENS[name], useCaseFactories[name]);
  }
};

export const resolveUseCases = (container: DependencyContainer): UseCases =>
  Object.fromEntries(
    (Object.keys(useCaseFactories) as Array<keyof UseCases>).map((name) => [
      name,
      container.resolve(USE_CASE_TOKENS[name]),
    ]),
  ) as unknown as UseCases;
