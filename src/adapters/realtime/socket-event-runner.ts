import * as E from 'fp-ts/lib/Either.js';
import { rateLimited, type AppError } from '../../domain/errors.js';
import type { Logger } from '../../ports/logger.js';
import type { Metrics } from '../../ports/metrics.js';
import type { Ack, AckError, ClientToServerEvents } from '../../ports/realtime-events.js';
import { ackErrorOf, ackErrorOfException } from './ack-error.js';
import type { ChatSocket } from './chat-server.js';
import { exceptionMeta } from './exception-meta.js';
import { isServiceOutage } from '../shared/is-service-outage.js';
import type { RateLimiter } from '../../ports/rate-limiter.js';

/** What a handler may know of how the event was sent. */
export interface EventContext {
  /** The client gave an ack callback: the Right reaches it. */
  readonly answered: boolean;
}

/** Handles one event's (untrusted) payload from a socket; the Right becomes the ack's data. */
export type EventHandler = (
  socket: ChatSocket,
  payload: unknown,
  context: EventContext,
) => Promise<E.Either<AppError, object>>;

export type EventName = keyof ClientToServerEvents;

export type EventHandlers = { readonly [Name in EventName]: EventHandler };

/**
 * A socket that keeps sending after this many refusals in a row is dropped: a
 * flood costs the server a decode and a refusal per event until then, and a
 * reconnect (a handshake, within the user's socket cap) after.
 */
export const REFUSALS_BEFORE_DISCONNECT = 50;

/**
 * Serves the client events of every socket. Every outcome is answered: on
 * the ack callback when the client gave one, else failures as an `error`
 * event. Nothing a client sends can make the listener throw. One listener
 * serves every socket (it reads the socket from `this`), so a socket costs
 * no closure of its own; events no handler knows are ignored.
 */
export class SocketEventRunner {
  private readonly listener: (...args: unknown[]) => void;

  constructor(
    private readonly handlers: EventHandlers,
    private readonly deps: {
      logger: Logger;
      /** One budget per user, shared by all of the user's sockets on every process. */
      budget: RateLimiter;
      metrics: Pick<Metrics, 'countSocketEvent'>;
    },
  ) {
    const runner = this;
    this.listener = function (this: ChatSocket, event: unknown, ...args: unknown[]): void {
      runner.dispatch(this, event, args);
    };
  }

  attach(socket: ChatSocket): void {
    socket.onAny(this.listener);
  }

  private dispatch(socket: ChatSocket, event: unknown, args: unknown[]): void {
    if (typeof event !== 'string' || !Object.hasOwn(this.handlers, event)) return;
    const name = event as EventName;
    // Socket.IO passes the client's ack callback, when there is one, as the last argument.
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (response: Ack) => void) : undefined;
    const payload = ack ? args.slice(0, -1)[0] : args[0];
    void this.run(socket, name, payload, { answered: ack !== undefined }).then((outcome) => {
      this.deps.metrics.countSocketEvent(name, E.isRight(outcome) ? 'ok' : outcome.left.code);
      this.answer(socket, outcome, ack);
    });
  }

  private async run(
    socket: ChatSocket,
    event: EventName,
    payload: unknown,
    context: EventContext,
  ): Promise<E.Either<AckError, object>> {
    const { budget, logger } = this.deps;
    try {
      const decision = await budget.consume(socket.data.claims.userId);
      if (!decision.allowed) {
        this.refused(socket);
        return E.left(ackErrorOf(rateLimited(decision.retryAfterSeconds, 'Too many events')));
      }
      if (socket.data.refusals) socket.data.refusals = 0;
      return E.mapLeft(ackErrorOf)(await this.handlers[event](socket, payload, context));
    } catch (exception) {
      logger[isServiceOutage(exception) ? 'warn' : 'error']('socket event failed', {
        event,
        socketId: socket.id,
        userId: socket.data.claims?.userId,
        error: exceptionMeta(exception),
      });
      return E.left(ackErrorOfException(exception));
    }
  }

  private refused(socket: ChatSocket): void {
    socket.data.refusals = (socket.data.refusals ?? 0) + 1;
    if (socket.data.refusals !== REFUSALS_BEFORE_DISCONNECT) return;
    this.deps.logger.warn('socket dropped for flooding', { socketId: socket.id, userId: socket.data.claims.userId });
    // After this event's own answer goes out.
    setImmediate(() => socket.disconnect(true));
  }

  private answer(socket: ChatSocket, outcome: E.Either<AckError, object>, ack: ((response: Ack) => void) | undefined) {
    if (ack) {
      ack(E.isRight(outcome) ? { ok: true, ...outcome.right } : { ok: false, error: outcome.left });
    } else if (E.isLeft(outcome) && socket.connected) {
      socket.emit('error', outcome.left);
    }
  }
}
