import type { ServerEventName, ServerEventPayload } from '../../../src/ports/realtime-events.js';
import { eventPayloadProblems } from './event-schemas.js';
import type { ChatSocket } from './chat-socket.js';

interface Recorded {
  readonly event: string;
  readonly payload: unknown;
  /** Why the payload breaks its documented shape (null when it conforms). */
  readonly problems: string | null;
  taken: boolean;
}

const DEFAULT_WAIT_MS = 3_000;

/**
 * Everything a socket receives from the moment it is created, so a test
 * never misses an event that arrived before it started waiting.
 */
export class EventLog {
  private readonly recorded: Recorded[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(socket: ChatSocket) {
    socket.onAny((event: string, payload: unknown) => {
      this.recorded.push({ event, payload, problems: eventPayloadProblems(event, payload), taken: false });
      for (const wake of this.waiters) wake();
    });
  }

  /** Every `event` received so far (taken or not) that matches `where`. */
  all<E extends ServerEventName>(
    event: E,
    where: (payload: ServerEventPayload<E>) => boolean = () => true,
  ): Array<ServerEventPayload<E>> {
    return this.recorded
      .filter((r) => r.event === event && where(r.payload as ServerEventPayload<E>))
      .map((r) => r.payload as ServerEventPayload<E>);
  }

  /**
   * The oldest `event` matching `where` not taken before, waiting up to
   * `timeoutMs` for it; fails when its payload breaks the documented shape.
   */
  take<E extends ServerEventName>(
    event: E,
    where: (payload: ServerEventPayload<E>) => boolean = () => true,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<ServerEventPayload<E>> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.recorded.find(
          (r) => !r.taken && r.event === event && where(r.payload as ServerEventPayload<E>),
        );
        if (!found) return false;
        found.taken = true;
        if (found.problems) reject(new Error(`${event} payload breaks its schema: ${found.problems}`));
        else resolve(found.payload as ServerEventPayload<E>);
        return true;
      };
      if (check()) return;
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        const seen = this.recorded.filter((r) => r.event === event).map((r) => JSON.stringify(r.payload));
        reject(new Error(`no matching ${event} within ${timeoutMs} ms; received: [${seen.join(', ')}]`));
      }, timeoutMs);
      const wake = () => {
        if (check()) {
          clearTimeout(timer);
          this.waiters.delete(wake);
        }
      };
      this.waiters.add(wake);
    });
  }

  /** Waits `ms`, then fails if any `event` matching `where` was ever received. */
  async expectNone<E extends ServerEventName>(
    event: E,
    ms: number,
    where: (payload: ServerEventPayload<E>) => boolean = () => true,
  ): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    const unexpected = this.all(event, where);
    if (unexpected.length > 0) throw new Error(`unexpected ${event}: ${JSON.stringify(unexpected)}`);
  }

  /** Every event received so far (taken or not) whose payload `where` accepts, in the order they arrived. */
  names(where: (payload: unknown) => boolean): string[] {
    return this.recorded.filter((r) => where(r.payload)).map((r) => r.event);
  }

  /** Every payload received that breaks its documented shape. */
  problems(): string[] {
    return this.recorded.filter((r) => r.problems).map((r) => `${r.event}: ${r.problems}`);
  }
}
