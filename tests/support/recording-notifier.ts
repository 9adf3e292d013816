import type { ServerEventName, ServerEventPayload } from '../../src/ports/realtime-events.js';
import type { Exclusions, RealtimeNotifier } from '../../src/ports/realtime-notifier.js';

export interface RecordedEvent {
  readonly userId: string;
  readonly event: ServerEventName;
  readonly payload: unknown;
  /** The user's connections the event skips. */
  readonly exclusions: Exclusions;
}

/**
 * A notifier for use-case tests: keeps what was emitted to whom, and lets a
 * test play the receiver's socket acknowledging a message.
 */
export class RecordingNotifier implements RealtimeNotifier {
  readonly events: RecordedEvent[] = [];
  private readonly pendingReceipts: Array<{ userId: string; payload: unknown; onAcknowledged: () => void }> = [];

  toUser<E extends ServerEventName>(
    userId: string,
    event: E,
    payload: ServerEventPayload<E>,
    exclusions: Exclusions = {},
  ): void {
    this.events.push({ userId, event, payload, exclusions });
  }

  toUserWithReceipt<E extends ServerEventName>(
    userId: string,
    event: E,
    payload: ServerEventPayload<E>,
    onAcknowledged: () => void,
  ): void {
    this.events.push({ userId, event, payload, exclusions: {} });
    this.pendingReceipts.push({ userId, payload, onAcknowledged });
  }

  /** The receiver's sockets acknowledge everything emitted to them so far. */
  acknowledgeAll(userId: string): void {
    for (const receipt of this.pendingReceipts.splice(0)) {
      if (receipt.userId === userId) receipt.onAcknowledged();
      else this.pendingReceipts.push(receipt);
    }
  }

  eventsFor<E extends ServerEventName>(userId: string, event: E): Array<ServerEventPayload<E>> {
    return this.events
      .filter((e) => e.userId === userId && e.event === event)
      .map((e) => e.payload as ServerEventPayload<E>);
  }

  /** What each `event` to the user skipped, in order. */
  exclusionsFor(userId: string, event: ServerEventName): Exclusions[] {
    return this.events.filter((e) => e.userId === userId && e.event === event).map((e) => e.exclusions);
  }

  clear(): void {
    this.events.length = 0;
  }
}
