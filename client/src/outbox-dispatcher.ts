import { backoffDelay, DEFAULT_BACKOFF, Waiter, type BackoffOptions } from './backoff.js';
import type { Outbox, OutboxEntry } from './outbox.js';
import type { SendFailure, StoredMessage } from './public-types.js';

export type AttemptOutcome =
  | { readonly kind: 'stored'; readonly stored: StoredMessage }
  | { readonly kind: 'retry'; readonly reason: string }
  | { readonly kind: 'refused'; readonly failure: SendFailure };

/**
 * Sends the outbox: per lane one entry in flight, the head first, each
 * retried with the same clientMessageId (so the server stores it once) with
 * jittered backoff until it is stored or refused for good. An entry
 * acknowledged by another path meanwhile (an event, a catch-up) is simply
 * gone from the outbox when its attempt returns.
 */
export class OutboxDispatcher {
  private readonly running = new Set<string>();
  private readonly waiter = new Waiter();
  private stopped = false;
  /** The last reason an attempt did not get through, for diagnostics. */
  lastProblem: string | null = null;

  constructor(
    private readonly outbox: Outbox,
    private readonly deps: {
      readonly attempt: (entry: OutboxEntry) => Promise<AttemptOutcome>;
      /** The server stored the entry's message (the entry is still in the outbox when this is called). */
      readonly onStored: (entry: OutboxEntry, stored: StoredMessage) => void;
      readonly onRefused: (entry: OutboxEntry) => void;
      readonly backoff?: BackoffOptions;
    },
  ) {}

  /** Starts a sender for every lane with work and none running. */
  kick(): void {
    if (this.stopped) return;
    for (const lane of this.outbox.lanes()) {
      if (!this.running.has(lane)) void this.run(lane);
    }
  }

  /** Retries waiting entries now (the connection came back). */
  wake(): void {
    this.waiter.wake();
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.waiter.wake();
  }

  private async run(lane: string): Promise<void> {
    this.running.add(lane);
    let failures = 0;
    try {
      for (let entry = this.outbox.head(lane); entry && !this.stopped; entry = this.outbox.head(lane)) {
        const outcome = await this.deps
          .attempt(entry)
          .catch((error: unknown): AttemptOutcome => ({ kind: 'retry', reason: String(error) }));
        if (this.stopped) return;
        if (!this.outbox.get(entry.clientMessageId)) {
          failures = 0;
          continue;
        }
        if (outcome.kind === 'stored') {
          failures = 0;
          this.deps.onStored(entry, outcome.stored);
          this.outbox.remove(entry.clientMessageId);
        } else if (outcome.kind === 'refused') {
          const failed = this.outbox.update(entry.clientMessageId, { failure: outcome.failure });
          if (failed) this.deps.onRefused(failed);
        } else {
          this.lastProblem = outcome.reason;
          await this.waiter.wait(backoffDelay(failures, this.deps.backoff ?? DEFAULT_BACKOFF));
          failures += 1;
        }
      }
    } finally {
      this.running.delete(lane);
    }
    // Work may have arrived for this lane while the loop was finishing.
    if (!this.stopped && this.outbox.head(lane)) this.kick();
  }
}
