import type { Logger } from '../../ports/logger.js';
import { authenticateHandshake } from './authenticate-handshake.js';
import type { ChatServer, ChatSocket } from './chat-server.js';
import { registerChatEvents } from './chat-event-handlers.js';
import { exceptionMeta } from './exception-meta.js';
import type { RealtimeUseCases } from './realtime-use-cases.js';
import { sessionRoom, userRoom } from './rooms.js';
import { scheduleTokenExpiry } from './schedule-token-expiry.js';
import { SocketEventRunner } from './socket-event-runner.js';
import type { RateLimiter } from '../../ports/rate-limiter.js';
import { TypingSockets } from './typing-sockets.js';
import { TypingTimers } from './typing-timers.js';

export interface SocketHandlerDeps {
  readonly useCases: RealtimeUseCases;
  readonly logger: Logger;
  /** Events per user, over all of the user's sockets and processes (keyed by user id). */
  readonly eventBudget: RateLimiter;
  /** Called with this process's number of connected sockets whenever it changes. */
  readonly onConnectionCountChange?: (count: number) => void;
  readonly options: {
    /** Typing ends by itself after this long without a stop or a new start. */
    readonly typingTimeoutMs: number;
    /** How often this process refreshes the presence leases of its sockets. */
    readonly presenceHeartbeatMs: number;
  };
}

export interface SocketHandlers {
  /** Stops the heartbeat and disconnects this process's sockets; resolves once their presence is released. */
  close(): Promise<void>;
}

/** Authenticates handshakes and serves the chat events of every socket that connects to `io`. */
export const bindSocketHandlers = (io: ChatServer, deps: SocketHandlerDeps): SocketHandlers => {
  const { useCases, logger, eventBudget, onConnectionCountChange, options } = deps;
  const sockets = new Map<string, ChatSocket>();
  const typingSockets = new TypingSockets();
  const releases = new Set<Promise<void>>();
  let closing = false;

  const logFailure = (what: string, socket: ChatSocket) => (exception: unknown) =>
    logger.warn(what, { socketId: socket.id, userId: socket.data.claims.userId, error: exceptionMeta(exception) });

  const onConnection = (socket: ChatSocket): void => {
    if (closing) {
      socket.disconnect(true);
      return;
    }
    const { claims } = socket.data;
    sockets.set(socket.id, socket);
    onConnectionCountChange?.(sockets.size);
    void socket.join([userRoom(claims.userId), sessionRoom(claims.sessionId)]);

    const connected = useCases.trackPresence
      .connected({ id: claims.userId, username: claims.username }, socket.id)
      .catch(logFailure('presence connect failed', socket));
    const cancelExpiry = scheduleTokenExpiry(socket, claims.expiresAt);

    const claimTyping = (conversationId: string) => typingSockets.start(claims.userId, conversationId, socket.id);
    const unclaimTyping = (conversationId: string) => void typingSockets.stop(claims.userId, conversationId, socket.id);
    const stopTyping = async (conversationId: string): Promise<void> => {
      if (!typingSockets.stop(claims.userId, conversationId, socket.id)) return;
      await useCases.notifyTyping
        .execute(claims, conversationId, false)
        .then(() => undefined, logFailure('typing stop failed', socket));
    };
    const typing = new TypingTimers(options.typingTimeoutMs, (conversationId) => void stopTyping(conversationId));
    const runner = new SocketEventRunner(socket, { logger, budget: eventBudget });
    registerChatEvents(socket, runner, { useCases, typing, claimTyping, unclaimTyping, stopTyping });

    socket.once('disconnect', () => {
      cancelExpiry();
      sockets.delete(socket.id);
      onConnectionCountChange?.(sockets.size);
      const typedIn = typing.stopAll();
      // After `connected` settles, so a quick disconnect cannot leave a connection behind.
      const release = connected
        .then(() => Promise.all(typedIn.map(stopTyping)))
        .then(() => useCases.trackPresence.disconnected(claims.userId, socket.id))
        .catch(logFailure('presence disconnect failed', socket));
      releases.add(release);
      void release.finally(() => releases.delete(release));
    });
  };

  io.use(
    authenticateHandshake({
      authenticate: useCases.authenticate,
      trackPresence: useCases.trackPresence,
      logger,
      isClosing: () => closing,
    }),
  );
  io.on('connection', onConnection);

  const heartbeat = setInterval(() => {
    const connections = [...sockets.values()].map((s) => ({ userId: s.data.claims.userId, connectionId: s.id }));
    useCases.trackPresence
      .heartbeat(connections)
      .catch((exception: unknown) => logger.warn('presence heartbeat failed', { error: exceptionMeta(exception) }));
  }, options.presenceHeartbeatMs);
  heartbeat.unref();

  return {
    async close() {
      closing = true;
      clearInterval(heartbeat);
      for (const socket of [...sockets.values()]) socket.disconnect(true);
      await Promise.all([...releases]);
    },
  };
};
