import * as E from 'fp-ts/lib/Either.js';
import { rateLimited, type AppError } from '../../domain/errors.js';
import type { Logger } from '../../ports/logger.js';
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

/** Handles one event's (untrusted) payload; the Right becomes the ack's data. */
export type EventHandler = (payload: unknown, context: EventContext) => Promise<E.Either<AppError, object>>;

export type EventName = keyof ClientToServerEvents;

/**
 * A socket that keeps sending after this many refusals in a row is dropped: a
 * flood costs the server a decode and a refusal per event until then, and a
 * reconnect (a handshake, within the user's socket cap) after.
 */
export const REFUSALS_BEFORE_DISCONNECT = 50;

/**
 * Listens for one client event on a socket. Every outcome is answered: on the
 * ack callback when the client gave one, else failures as an `error` event.
 * Nothing a client sends can make the listener throw.
 */
export class SocketEventRunner {
  private refusalsInARow = 0;

  constructor(
    private readonly socket: ChatSocket,
    private readonly deps: {
      logger: Logger;
      /** One budget per user, shared by all of the user's sockets on every process. */
      budget: RateLimiter;
    },
  ) {}

  on(event: EventName, handler: EventHandler): void {
    const listener = (...args: unknown[]): void => {
      // Socket.IO passes the client's ack callback, when there is one, as the last argument.
      const last = args[args.length - 1];
      const ack = typeof last === 'function' ? (last as (response: Ack) => void) : undefined;
      const payload = ack ? args.slice(0, -1)[0] : args[0];
      void this.run(event, handler, payload, { answered: ack !== undefined }).then((outcome) =>
        this.answer(outcome, ack),
      );
    };
    this.socket.on(event, listener);
  }

  private async run(
    event: EventName,
    handler: EventHandler,
    payload: unknown,
    context: EventContext,
  ): Promise<E.Either<AckError, object>> {
    const { budget, logger } = this.deps;
    try {
      const decision = await budget.consume(this.socket.data.claims.userId);
      if (!decision.allowed) {
        this.refused();
        return E.left(ackErrorOf(rateLimited(decision.retryAfterSeconds, 'Too many events')));
      }
      this.refusalsInARow = 0;
      return E.mapLeft(ackErrorOf)(await handler(payload, context));
    } catch (exception) {
      logger[isServiceOutage(exception) ? 'warn' : 'error']('socket event failed', {
        event,
        socketId: this.socket.id,
        userId: this.socket.data.claims?.userId,
        error: exceptionMeta(exception),
      });
      return E.left(ackErrorOfException(exception));
    }
  }

  private refused(): void {
    this.refusalsInARow += 1;
    if (this.refusalsInARow !== REFUSALS_BEFORE_DISCONNECT) return;
    this.deps.logger.warn('socket dropped for flooding', {
      socketId: this.socket.id,
      userId: this.socket.data.claims.userId,
    });
    // After this event's own answer goes out.
    setImmediate(() => this.socket.disconnect(true));
  }

  private answer(outcome: E.Either<AckError, object>, ack: ((response: Ack) => void) | undefined): void {
    if (ack) {
      ack(E.isRight(outcome) ? { ok: true, ...outcome.right } : { ok: false, error: outcome.left });
    } else if (E.isLeft(outcome) && this.socket.connected) {
      this.socket.emit('error', outcome.left);
    }
  }
}
