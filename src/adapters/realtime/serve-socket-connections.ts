import type { Logger } from '../../ports/logger.js';
import type { Metrics } from '../../ports/metrics.js';
import { authenticateHandshake } from './authenticate-handshake.js';
import type { ChatServer, ChatSocket } from './chat-server.js';
import { clientEventHandlers } from './client-event-handlers.js';
import { exceptionMeta } from './exception-meta.js';
import { expireSockets } from './expire-sockets.js';
import type { RealtimeUseCases } from './realtime-use-cases.js';
import { sessionRoom, userRoom } from './rooms.js';
import { SocketEventRunner } from './socket-event-runner.js';
import type { RateLimiter } from '../../ports/rate-limiter.js';
import { SocketTyping } from './socket-typing.js';

export interface SocketConnectionDeps {
  readonly useCases: RealtimeUseCases;
  readonly logger: Logger;
  /** Events per user, over all of the user's sockets and processes (keyed by user id). */
  readonly eventBudget: RateLimiter;
  /** Counts every client event by name and outcome. */
  readonly metrics: Pick<Metrics, 'countSocketEvent'>;
  /** Called with this process's number of connected sockets whenever it changes. */
  readonly onConnectionCountChange?: (count: number) => void;
  readonly options: {
    /** Typing ends by itself after this long without a stop or a new start. */
    readonly typingTimeoutMs: number;
    /** How often this process refreshes the presence leases of its sockets. */
    readonly presenceHeartbeatMs: number;
  };
}

export interface SocketConnections {
  /** Stops the heartbeat and disconnects this process's sockets; resolves once their presence is released. */
  close(): Promise<void>;
}

/**
 * Authenticates handshakes and serves the chat events of every socket that
 * connects to `io`. What a socket costs beyond Socket.IO's own is its claims
 * and three room memberships: its listeners are shared by all sockets, the
 * sockets are Socket.IO's own map, token expiry is one sweep, and typing
 * state exists only while the socket types.
 */
export const serveSocketConnections = (io: ChatServer, deps: SocketConnectionDeps): SocketConnections => {
  const { useCases, logger, eventBudget, metrics, onConnectionCountChange, options } = deps;
  const sockets = io.of('/').sockets;
  const typing = new SocketTyping({ notifyTyping: useCases.notifyTyping, logger, timeoutMs: options.typingTimeoutMs });
  const runner = new SocketEventRunner(clientEventHandlers({ useCases, typing }), {
    logger,
    budget: eventBudget,
    metrics,
  });
  /** Presence work in flight (admissions and releases), which close() waits for. */
  const inFlight = new Set<Promise<unknown>>();
  /**
   * Admitted sockets Socket.IO has not connected yet, each with the listener
   * that releases its lease should its transport close first: Socket.IO then
   * drops the socket without a `disconnect` event.
   */
  const awaitingConnection = new Map<string, () => void>();
  let closing = false;

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.then(
      () => inFlight.delete(work),
      () => inFlight.delete(work),
    );
    return work;
  };

  const release = (socket: ChatSocket): void => {
    const { userId } = socket.data.claims;
    void track(
      typing
        .stopAll(socket)
        .then(() => useCases.trackPresence.disconnected(userId, socket.id))
        .catch((exception: unknown) =>
          logger.warn('presence release failed', { socketId: socket.id, userId, error: exceptionMeta(exception) }),
        ),
    );
  };

  /** False when the socket must not connect after all (the server is closing, or its transport closed). */
  const onAdmitted = (socket: ChatSocket): boolean => {
    if (closing || socket.conn.readyState === 'closed') {
      release(socket);
      return false;
    }
    const onEarlyClose = () => {
      awaitingConnection.delete(socket.id);
      release(socket);
    };
    awaitingConnection.set(socket.id, onEarlyClose);
    socket.conn.once('close', onEarlyClose);
    return true;
  };

  // Shared by every socket: Socket.IO calls it with the socket as `this`.
  const onDisconnect = function (this: ChatSocket): void {
    onConnectionCountChange?.(sockets.size);
    release(this);
  };

  const onConnection = (socket: ChatSocket): void => {
    const onEarlyClose = awaitingConnection.get(socket.id);
    if (onEarlyClose) {
      awaitingConnection.delete(socket.id);
      socket.conn.off('close', onEarlyClose);
    }
    socket.on('disconnect', onDisconnect);
    if (closing) {
      socket.disconnect(true);
      return;
    }
    onConnectionCountChange?.(sockets.size);
    const { claims } = socket.data;
    void socket.join([userRoom(claims.userId), sessionRoom(claims.sessionId)]);
    runner.attach(socket);
  };

  io.use(
    authenticateHandshake({
      authenticate: useCases.authenticate,
      trackPresence: useCases.trackPresence,
      logger,
      isClosing: () => closing,
      track,
      onAdmitted,
    }),
  );
  io.on('connection', onConnection);

  const stopExpiring = expireSockets(io);
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
      stopExpiring();
      for (const socket of [...sockets.values()]) socket.disconnect(true);
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
};
