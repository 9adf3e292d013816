import { InMemoryReactionRepository } from '../../../src/adapters/memory/in-memory-reaction-repository.js';
import { MessageViews } from '../../../src/application/messages/message-views.js';
import { InMemoryChangeLog } from '../../../src/adapters/memory/in-memory-change-log.js';
import { ChangeRecording } from '../../../src/application/sync/change-recording.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as E from 'fp-ts/lib/Either.js';
import { io as connectClient, type Socket } from 'socket.io-client';
import { SystemClock } from '../../../src/adapters/clock/system-clock.js';
import { BcryptPasswordHasher } from '../../../src/adapters/crypto/bcrypt-password-hasher.js';
import { JoseTokenService } from '../../../src/adapters/crypto/jose-token-service.js';
import { ObjectIdGenerator } from '../../../src/adapters/ids/object-id-generator.js';
import { RandomOpaqueTokenGenerator } from '../../../src/adapters/crypto/opaque-token-generator.js';
import { InMemoryConversationRepository } from '../../../src/adapters/memory/in-memory-conversation-repository.js';
import { InMemoryMessageRepository } from '../../../src/adapters/memory/in-memory-message-repository.js';
import { createInMemoryRateLimiterFactory } from '../../../src/adapters/memory/in-memory-rate-limiter.js';
import { InProcessSessionRevocations } from '../../../src/adapters/shared/in-process-session-revocations.js';
import { InMemoryPresenceStore } from '../../../src/adapters/memory/in-memory-presence-store.js';
import { InMemorySessionRepository } from '../../../src/adapters/memory/in-memory-session-repository.js';
import { InMemoryUserRepository } from '../../../src/adapters/memory/in-memory-user-repository.js';
import { serveSocketConnections } from '../../../src/adapters/realtime/serve-socket-connections.js';
import { createSocketServer, type ChatServer } from '../../../src/adapters/realtime/create-socket-server.js';
import type { RealtimeUseCases } from '../../../src/adapters/realtime/realtime-use-cases.js';
import { SocketIoNotifier } from '../../../src/adapters/realtime/socket-io-notifier.js';
import { Authenticate } from '../../../src/application/auth/authenticate.js';
import { RegisterUser } from '../../../src/application/auth/register-user.js';
import { SessionIssuer } from '../../../src/application/auth/session-issuer.js';
import { CheckParticipation } from '../../../src/application/conversations/check-participation.js';
import { NotifyTyping } from '../../../src/application/conversations/notify-typing.js';
import { DeliveryConfirmation } from '../../../src/application/messages/delivery-confirmation.js';
import { MarkMessageRead } from '../../../src/application/messages/mark-message-read.js';
import { InMemoryBlockRepository } from '../../../src/adapters/memory/in-memory-block-repository.js';
import { KnownConversations } from '../../../src/application/conversations/known-conversations.js';
import { RecentUsers } from '../../../src/application/users/recent-users.js';
import { MessagePosting } from '../../../src/application/messages/message-posting.js';
import { SendMessage } from '../../../src/application/messages/send-message.js';
import { PartnerDirectory } from '../../../src/application/presence/partner-directory.js';
import { partnerLearningConversations } from '../../../src/application/presence/partner-learning-conversations.js';
import { TrackPresence } from '../../../src/application/presence/track-presence.js';
import type { Conversation } from '../../../src/domain/conversation.js';
import type { Message } from '../../../src/domain/message.js';
import type { DuplicateMessage } from '../../../src/ports/message-repository.js';
import type { Metrics } from '../../../src/ports/metrics.js';
import type { PresenceStore } from '../../../src/ports/presence-store.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../src/ports/realtime-events.js';
import { RecordingLogger } from '../../support/recording-logger.js';

export type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Message storage that can be told to fail as a driver does when its server is gone. */
export class FlakyMessageRepository extends InMemoryMessageRepository {
  failInsertsWith: Error | null = null;

  override async insert(message: Message): Promise<Message | DuplicateMessage> {
    if (this.failInsertsWith) throw this.failInsertsWith;
    return super.insert(message);
  }
}

export interface SystemOptions {
  readonly accessTokenTtlSeconds?: number;
  readonly receiptTimeoutMs?: number;
  readonly typingTimeoutMs?: number;
  readonly presenceHeartbeatMs?: number;
  readonly presenceLeaseMs?: number;
  /** The per-user event budget (default: out of the way). */
  readonly eventBudget?: { readonly points: number; readonly durationSeconds: number };
  readonly socketsPerUser?: number;
  /** What the use cases see of the presence store (e.g. one that holds admissions). */
  readonly wrapPresence?: (store: PresenceStore) => PresenceStore;
  /** Runs on the Socket.IO server before the handlers are bound, e.g. to attach a shared adapter. */
  readonly configureServer?: (io: ChatServer) => void;
}

export interface TestUser {
  readonly id: string;
  readonly username: string;
  readonly accessToken: string;
}

export interface ConnectOptions {
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

const JWT = { secret: 'a-test-secret-that-is-long-enough-for-hs256', issuer: 'chat-backend', audience: 'chat-clients' };

/**
 * The real use cases on in-memory adapters, served by the socket adapter on a
 * real HTTP server (port 0), with the system clock: what the realtime tests drive.
 */
export const buildSystem = async (options: SystemOptions = {}) => {
  const clock = new SystemClock();
  const ids = new ObjectIdGenerator();
  const logger = new RecordingLogger();
  const metrics: Metrics = {
    increment: () => undefined,
    observeDelivery: () => undefined,
    countSocketEvent: () => undefined,
  };
  const users = new InMemoryUserRepository();
  const sessions = new InMemorySessionRepository();
  const revocations = new InProcessSessionRevocations({ keepMs: 3_600_000 });
  const storedConversations = new InMemoryConversationRepository();
  const partners = new PartnerDirectory(
    { conversations: storedConversations, clock },
    { ttlMs: 30_000, maxUsers: 1_000 },
  );
  const conversations = partnerLearningConversations(storedConversations, partners);
  const messages = new FlakyMessageRepository();
  const presence = new InMemoryPresenceStore({ leaseMs: options.presenceLeaseMs ?? 60_000 });
  const tokens = new JoseTokenService({ ...JWT, accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 900 }, clock);
  const opaqueTokens = new RandomOpaqueTokenGenerator();

  const httpServer = http.createServer();
  const io: ChatServer = createSocketServer(httpServer, { corsOrigins: '*' });
  options.configureServer?.(io);
  const notifier = new SocketIoNotifier(io, { receiptTimeoutMs: options.receiptTimeoutMs ?? 2_000 });

  const issuer = new SessionIssuer({ sessions, tokens, opaqueTokens, ids, clock, refreshTokenTtlSeconds: 3600 });
  const recording = new ChangeRecording({ changes: new InMemoryChangeLog(), clock });
  const deliveries = new DeliveryConfirmation({ messages, conversations, recording, notifier, clock, logger });
  const known = new KnownConversations();
  const blocks = new InMemoryBlockRepository();
  const posting = new MessagePosting({
    messages,
    conversations,
    known,
    notifier,
    deliveries,
    recording,
    metrics,
    ids,
    clock,
  });
  const registerUser = new RegisterUser({
    users,
    hasher: new BcryptPasswordHasher({ cost: 4 }),
    sessions: issuer,
    limitPerIp: createInMemoryRateLimiterFactory()({ name: 'register-ip', points: 10_000, durationSeconds: 60 }),
    ids,
    clock,
  });
  const useCases: RealtimeUseCases = {
    authenticate: new Authenticate({ tokens, revocations }),
    checkParticipation: new CheckParticipation({ conversations }),
    sendMessage: new SendMessage({ users: new RecentUsers({ users, clock }), conversations, known, blocks, posting }),
    notifyTyping: new NotifyTyping({ conversations, blocks, notifier }),
    markMessageRead: new MarkMessageRead({
      messages,
      conversations,
      recording,
      notifier,
      clock,
      views: new MessageViews({ reactions: new InMemoryReactionRepository() }),
    }),
    trackPresence: new TrackPresence({
      presence: options.wrapPresence?.(presence) ?? presence,
      users,
      partners,
      blocks,
      notifier,
      clock,
      logger,
      maxConnectionsPerUser: options.socketsPerUser ?? 20,
    }),
  };

  const connectionCounts: number[] = [];
  const handlers = serveSocketConnections(io, {
    useCases,
    logger,
    eventBudget: createInMemoryRateLimiterFactory()({
      name: 'socket-events',
      ...(options.eventBudget ?? { points: 100_000, durationSeconds: 1 }),
    }),
    metrics,
    onConnectionCountChange: (count) => connectionCounts.push(count),
    options: {
      typingTimeoutMs: options.typingTimeoutMs ?? 5_000,
      presenceHeartbeatMs: options.presenceHeartbeatMs ?? 20_000,
    },
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const clients: ChatClient[] = [];

  return {
    url,
    io,
    clock,
    logger,
    users,
    sessions,
    revocations,
    conversations,
    messages,
    presence,
    handlers,
    connectionCounts,

    async register(username: string): Promise<TestUser> {
      const registered = await registerUser.execute(
        {
          username,
          email: `${username.toLowerCase()}@example.com`,
          password: 'correct horse battery',
        },
        '203.0.113.9',
      );
      if (E.isLeft(registered)) throw new Error(`register ${username}: ${registered.left.message}`);
      return { id: registered.right.user.id, username, accessToken: registered.right.accessToken };
    },

    /** The one conversation of two users, created as a first message would. */
    conversationOf(a: TestUser, b: TestUser): Promise<Conversation> {
      return conversations.findOrCreate(a.id, b.id, ids.next(), clock.now());
    },

    /** A client socket that is not connected yet; `connect` resolves once it is. */
    client(connectOptions: ConnectOptions = {}): ChatClient {
      const client: ChatClient = connectClient(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        autoConnect: false,
        ...(connectOptions.token !== undefined ? { auth: { token: connectOptions.token } } : {}),
        ...(connectOptions.headers ? { extraHeaders: connectOptions.headers } : {}),
      });
      clients.push(client);
      return client;
    },

    async connect(user: TestUser): Promise<ChatClient> {
      const client = this.client({ token: user.accessToken });
      await new Promise<void>((resolve, reject) => {
        client.once('connect', resolve);
        client.once('connect_error', reject);
        client.connect();
      });
      return client;
    },

    async close(): Promise<void> {
      for (const client of clients) client.disconnect();
      await handlers.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
};

export type TestSystem = Awaited<ReturnType<typeof buildSystem>>;
