import { AddGroupMembers } from '../application/groups/add-group-members.js';
import { CreateConversation } from '../application/groups/create-conversation.js';
import { GroupEvents } from '../application/groups/group-events.js';
import { RemoveGroupMember } from '../application/groups/remove-group-member.js';
import { RenameGroup } from '../application/groups/rename-group.js';
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
import { DeleteMessage } from '../application/messages/delete-message.js';
import { DeliveryConfirmation } from '../application/messages/delivery-confirmation.js';
import { EditMessage } from '../application/messages/edit-message.js';
import { GetUnreadCount } from '../application/messages/get-unread-count.js';
import { MarkMessageRead } from '../application/messages/mark-message-read.js';
import { MessagePosting } from '../application/messages/message-posting.js';
import { MessageViews } from '../application/messages/message-views.js';
import { ReactToMessage } from '../application/messages/react-to-message.js';
import { SendMessage } from '../application/messages/send-message.js';
import { TrackPresence } from '../application/presence/track-presence.js';
import { ChangeRecording } from '../application/sync/change-recording.js';
import { PruneChanges } from '../application/sync/prune-changes.js';
import { SyncChanges } from '../application/sync/sync-changes.js';
import type { UseCases } from '../application/use-cases.js';
import { BlockUser } from '../application/users/block-user.js';
import { GetOnlineStats } from '../application/users/get-online-stats.js';
import { ListUsers } from '../application/users/list-users.js';
import { RecentUsers } from '../application/users/recent-users.js';
import { UpdateProfile } from '../application/users/update-profile.js';
import {
  createChildContainer,
  instanceCachingFactory,
  registerPorts,
  TOKENS,
  type ContainerParts,
  type Dependencies,
  type DependencyContainer,
  type ServiceName,
} from './container-ports.js';

/** How one service or use case is built: the tokens it resolves, and a factory that is given only those. */
export interface Registration<T> {
  readonly uses: readonly (keyof Dependencies)[];
  readonly build: (deps: Dependencies) => T;
}

/** A registration whose factory sees exactly the dependencies it lists, so the compiler holds the list complete. */
const uses = <const K extends keyof Dependencies, T>(
  names: readonly K[],
  build: (deps: Pick<Dependencies, K>) => T,
): Registration<T> => ({ uses: names, build });

/** The shared services, each built once per container from what it lists. */
export const SERVICE_REGISTRATIONS: { readonly [K in ServiceName]: Registration<Dependencies[K]> } = {
  sessionIssuer: uses(
    ['sessions', 'tokens', 'opaqueTokens', 'ids', 'clock', 'config'],
    (d) => new SessionIssuer({ ...d, refreshTokenTtlSeconds: d.config.REFRESH_TOKEN_TTL_SECONDS }),
  ),
  recording: uses(['changes', 'clock'], (d) => new ChangeRecording(d)),
  views: uses(['reactions'], (d) => new MessageViews(d)),
  deliveries: uses(
    ['messages', 'conversations', 'recording', 'notifier', 'clock', 'logger'],
    (d) => new DeliveryConfirmation(d),
  ),
  summaries: uses(
    ['users', 'messages', 'conversations', 'presence', 'blocks', 'clock'],
    (d) => new ConversationSummaries(d),
  ),
  groupEvents: uses(['recording', 'notifier'], (d) => new GroupEvents(d)),
  knownConversations: uses([], () => new KnownConversations()),
  recentUsers: uses(['users', 'clock'], (d) => new RecentUsers(d)),
  posting: uses(
    [
      'messages',
      'conversations',
      'knownConversations',
      'notifier',
      'deliveries',
      'recording',
      'metrics',
      'ids',
      'clock',
    ],
    (d) => new MessagePosting({ ...d, known: d.knownConversations }),
  ),
};

/** The use cases, each built once per container from what it lists. */
export const USE_CASE_REGISTRATIONS: { readonly [K in keyof UseCases]: Registration<UseCases[K]> } = {
  registerUser: uses(['users', 'hasher', 'sessionIssuer', 'ids', 'clock', 'rateLimiters', 'config'], (d) => {
    const { REGISTER_LIMIT_PER_IP: points, REGISTER_LIMIT_WINDOW_SECONDS: durationSeconds } = d.config;
    return new RegisterUser({
      ...d,
      sessions: d.sessionIssuer,
      limitPerIp: d.rateLimiters({ name: 'register-ip', points, durationSeconds }),
    });
  }),
  logIn: uses(['users', 'hasher', 'sessionIssuer', 'presence', 'clock', 'rateLimiters', 'config'], (d) => {
    const durationSeconds = d.config.LOGIN_LIMIT_WINDOW_SECONDS;
    return new LogIn({
      ...d,
      sessions: d.sessionIssuer,
      limitPerIp: d.rateLimiters({ name: 'login-ip', points: d.config.LOGIN_LIMIT_PER_IP, durationSeconds }),
      limitPerAccountAndIp: d.rateLimiters({
        name: 'login-account-ip',
        points: d.config.LOGIN_LIMIT_PER_ACCOUNT_AND_IP,
        durationSeconds,
      }),
      limitPerAccount: d.rateLimiters({
        name: 'login-account',
        points: d.config.LOGIN_LIMIT_PER_ACCOUNT,
        durationSeconds,
      }),
    });
  }),
  refreshSession: uses(
    ['sessions', 'revocations', 'users', 'sessionIssuer', 'opaqueTokens', 'clock', 'logger', 'config'],
    (d) =>
      new RefreshSession({
        ...d,
        issuer: d.sessionIssuer,
        reuseGraceMs: d.config.REFRESH_REUSE_GRACE_SECONDS * 1000,
      }),
  ),
  logOut: uses(['sessions', 'revocations', 'opaqueTokens', 'clock'], (d) => new LogOut(d)),
  authenticate: uses(['tokens', 'revocations'], (d) => new Authenticate(d)),
  getCurrentUser: uses(['users', 'presence', 'blocks', 'clock'], (d) => new GetCurrentUser(d)),
  listUsers: uses(['users', 'presence', 'blocks', 'clock'], (d) => new ListUsers(d)),
  getOnlineStats: uses(['users', 'presence', 'clock'], (d) => new GetOnlineStats(d)),
  updateProfile: uses(['users', 'presence', 'sessions', 'revocations', 'clock'], (d) => new UpdateProfile(d)),
  blockUser: uses(['blocks', 'users', 'clock'], (d) => new BlockUser(d)),
  sendMessage: uses(
    ['recentUsers', 'conversations', 'knownConversations', 'blocks', 'posting'],
    (d) => new SendMessage({ ...d, users: d.recentUsers, known: d.knownConversations }),
  ),
  markMessageRead: uses(
    ['messages', 'conversations', 'recording', 'notifier', 'clock', 'views'],
    (d) => new MarkMessageRead(d),
  ),
  deleteMessage: uses(
    ['messages', 'conversations', 'recording', 'notifier', 'clock', 'views'],
    (d) => new DeleteMessage(d),
  ),
  editMessage: uses(
    ['messages', 'conversations', 'recording', 'notifier', 'clock', 'views', 'config'],
    (d) => new EditMessage({ ...d, editWindowSeconds: d.config.MESSAGE_EDIT_WINDOW_SECONDS }),
  ),
  reactToMessage: uses(
    ['messages', 'conversations', 'reactions', 'recording', 'notifier', 'views', 'clock'],
    (d) => new ReactToMessage(d),
  ),
  getUnreadCount: uses(['messages', 'conversations'], (d) => new GetUnreadCount(d)),
  listConversations: uses(['conversations', 'summaries'], (d) => new ListConversations(d)),
  getConversation: uses(['conversations', 'summaries'], (d) => new GetConversation(d)),
  getConversationHistory: uses(['conversations', 'messages', 'views'], (d) => new GetConversationHistory(d)),
  markConversationRead: uses(
    ['conversations', 'messages', 'recording', 'notifier', 'clock'],
    (d) => new MarkConversationRead(d),
  ),
  muteConversation: uses(['conversations', 'clock'], (d) => new MuteConversation(d)),
  createConversation: uses(
    ['users', 'conversations', 'blocks', 'knownConversations', 'groupEvents', 'ids', 'clock', 'config'],
    (d) =>
      new CreateConversation({
        ...d,
        known: d.knownConversations,
        events: d.groupEvents,
        groupMaxMembers: d.config.GROUP_MAX_MEMBERS,
      }),
  ),
  renameGroup: uses(['conversations', 'groupEvents', 'clock'], (d) => new RenameGroup({ ...d, events: d.groupEvents })),
  addGroupMembers: uses(
    ['users', 'conversations', 'groupEvents', 'clock', 'config'],
    (d) => new AddGroupMembers({ ...d, events: d.groupEvents, groupMaxMembers: d.config.GROUP_MAX_MEMBERS }),
  ),
  removeGroupMember: uses(
    ['conversations', 'groupEvents', 'clock'],
    (d) => new RemoveGroupMember({ ...d, events: d.groupEvents }),
  ),
  syncChanges: uses(['changes', 'conversations', 'messages', 'views'], (d) => new SyncChanges(d)),
  pruneChanges: uses(
    ['changes', 'clock', 'config'],
    (d) => new PruneChanges({ ...d, retentionDays: d.config.SYNC_RETENTION_DAYS }),
  ),
  checkParticipation: uses(['conversations'], (d) => new CheckParticipation(d)),
  notifyTyping: uses(['conversations', 'blocks', 'notifier'], (d) => new NotifyTyping(d)),
  trackPresence: uses(
    ['presence', 'users', 'partners', 'blocks', 'notifier', 'clock', 'logger', 'config'],
    (d) => new TrackPresence({ ...d, maxConnectionsPerUser: d.config.SOCKETS_PER_USER }),
  ),
  planAutoMessages: uses(
    ['users', 'autoMessages', 'random', 'ids', 'clock', 'metrics', 'logger'],
    (d) => new PlanAutoMessages(d),
  ),
  enqueueDueAutoMessages: uses(
    ['autoMessages', 'queue', 'clock', 'metrics', 'logger', 'config'],
    (d) =>
      new EnqueueDueAutoMessages({ ...d, leaseMs: d.config.AUTO_LEASE_MS, maxPerRun: d.config.AUTO_ENQUEUE_BATCH }),
  ),
  deliverQueuedMessage: uses(
    ['autoMessages', 'messages', 'users', 'posting', 'clock', 'metrics', 'logger', 'config'],
    (d) => new DeliverQueuedMessage({ ...d, retryLeaseMs: d.config.AUTO_LEASE_MS }),
  ),
};

type UseCaseName = keyof UseCases;

export const USE_CASE_TOKENS = Object.fromEntries(
  Object.keys(USE_CASE_REGISTRATIONS).map((name) => [name, Symbol(name)]),
) as { readonly [K in UseCaseName]: symbol };

/** Registers a cached factory: built on its first resolve, once, from the tokens it lists alone. */
export const registerCached = <T>(
  container: DependencyContainer,
  token: symbol,
  registration: Registration<T>,
): void => {
  container.register(token, {
    useFactory: instanceCachingFactory((c) => {
      const deps = Object.fromEntries(registration.uses.map((name) => [name, c.resolve(TOKENS[name])]));
      return registration.build(deps as unknown as Dependencies);
    }),
  });
};

/** The ports as values, then every shared service and use case as a cached factory. */
export const buildContainer = (parts: ContainerParts): DependencyContainer => {
  const container = createChildContainer();
  registerPorts(container, parts);
  for (const name of Object.keys(SERVICE_REGISTRATIONS) as ServiceName[]) {
    registerCached<unknown>(container, TOKENS[name], SERVICE_REGISTRATIONS[name]);
  }
  for (const name of Object.keys(USE_CASE_REGISTRATIONS) as UseCaseName[]) {
    registerCached<unknown>(container, USE_CASE_TOKENS[name], USE_CASE_REGISTRATIONS[name]);
  }
  return container;
};

export const resolveUseCases = (container: DependencyContainer): UseCases =>
  Object.fromEntries(
    (Object.keys(USE_CASE_REGISTRATIONS) as UseCaseName[]).map((name) => [
      name,
      container.resolve(USE_CASE_TOKENS[name]),
    ]),
  ) as unknown as UseCases;
