/** What travels through the queue: only the item's id; the item is the source of truth. */
export interface QueuedAutoMessage {
  readonly autoMessageId: string;
}

export interface DeliveryAttempt {
  /** 1 on first delivery. */
  readonly attempt: number;
  readonly maxAttempts: number;
}

/**
 * Resolves: the message is acknowledged and gone. Rejects: it is retried with
 * backoff, and after `maxAttempts` attempts moved to the dead-letter queue.
 */
/** The messages a queue holds, by what they wait for; those a consumer is handling are in none. */
export interface QueueDepth {
  /** Waiting for a consumer. */
  readonly ready: number;
  /** Failed at least once, waiting out their backoff before the next attempt. */
  readonly retrying: number;
  /** Exhausted their attempts: the dead letters. */
  readonly dead: number;
}

export type QueueHandler = (message: QueuedAutoMessage, attempt: DeliveryAttempt) => Promise<void>;

export interface MessageQueue {
  /** Resolves once the broker has taken responsibility for the message (publisher confirm). */
  publish(message: QueuedAutoMessage): Promise<void>;
  /** Starts consuming; at most `prefetch` messages are handled at once. */
  consume(handler: QueueHandler): Promise<void>;
  /** Messages that exhausted their attempts, for operators. */
  deadLetters(): Promise<QueuedAutoMessage[]>;
  /** How many messages wait, for operators; on a broker, counted by the broker for every process. */
  depth(): Promise<QueueDepth>;
  /** Stops consuming, lets handlers in flight finish, and disconnects. */
  close(): Promise<void>;
}
