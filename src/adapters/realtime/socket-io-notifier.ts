import type { ServerEventName, ServerEventPayload } from '../../ports/realtime-events.js';
import type { Exclusions, RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { ChatServer } from './chat-server.js';
import { conversationRoom, userRoom } from './rooms.js';

/** The untyped face of a broadcast: the event generics of the port cannot be narrowed to one event here. */
interface Broadcast {
  emit(event: string, ...args: unknown[]): boolean;
  timeout(ms: number): Broadcast;
}

/**
 * The rooms whose sockets an event skips. Every socket is in the room named
 * by its id, and a viewing socket in its conversation's room; through the
 * Redis adapter each process applies them to its own sockets.
 */
const excludedRooms = ({ exceptConnection, exceptViewersOf }: Exclusions): string[] => [
  ...(exceptConnection === undefined ? [] : [exceptConnection]),
  ...(exceptViewersOf === undefined ? [] : [conversationRoom(exceptViewersOf)]),
];

export interface SocketIoNotifierOptions {
  /** How long to wait for the user's sockets to acknowledge an event sent with a receipt. */
  readonly receiptTimeoutMs: number;
}

/**
 * Emits to a user's room, less the excluded sockets. Through the Redis
 * adapter the room spans every process, and so do acknowledgements. Best
 * effort: it never throws.
 */
export class SocketIoNotifier implements RealtimeNotifier {
  constructor(
    private readonly io: ChatServer,
    private readonly options: SocketIoNotifierOptions,
  ) {}

  toUser<E extends ServerEventName>(
    userId: string,
    event: E,
    payload: ServerEventPayload<E>,
    exclusions: Exclusions = {},
  ): void {
    try {
      this.room(userId, excludedRooms(exclusions)).emit(event, payload);
    } catch {
      // Fan-out is best effort: a client that missed an event catches up over REST.
    }
  }

  toUserWithReceipt<E extends ServerEventName>(
    userId: string,
    event: E,
    payload: ServerEventPayload<E>,
    onAcknowledged: () => void,
  ): void {
    let acknowledged = false;
    // Called once, when every socket answered or the timeout ran out; `responses` holds the answers received.
    const onResponses = (_error: unknown, responses: unknown) => {
      if (acknowledged || !Array.isArray(responses) || responses.length === 0) return;
      acknowledged = true;
      onAcknowledged();
    };
    try {
      this.room(userId).timeout(this.options.receiptTimeoutMs).emit(event, payload, onResponses);
    } catch {
      // As in toUser.
    }
  }

  private room(userId: string, except: string[] = []): Broadcast {
    const room = this.io.to(userRoom(userId));
    return (except.length === 0 ? room : room.except(except)) as unknown as Broadcast;
  }
}
