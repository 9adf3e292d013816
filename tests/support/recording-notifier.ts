import type { ServerEventName, ServerEventPayload } from '../../src/ports/realtime-events.js';
import type { RealtimeNotifier } from '../../src/ports/realtime-notifier.js';

export interface RecordedEvent {
  readonly userId: string;
  readonly event: ServerEventName;
  readonly payload: unknown;
}

/**
 * A notifier for use-case tests: keeps what was emitted to whom, and lets a
 * test play the receiver's socket acknowledging a message.
 */
export class RecordingNotifier implements RealtimeNotifier {
  readonly events: RecordedEvent[] = [];
  private readonly pendingReceipts: Array<{ userId: string; payload: unknown; onAcknowledged: () => void }> = [];

  toUser<E extends ServerEventName>(userId: string, event: E, payload: ServerEventPayload<E>): void {
    this.events.push({ userId, event, payload });
  }

  toUserWithReceipt<E extends ServerEventName>(
    userId: string,
    event: E,
    payload: ServerEventPayload<E>,
    onAcknowledged: () => void,
  ): void {
    this.events.push({ userId, event, payload });
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

  clear(): void {
    this.events.length = 0;
  }
}
