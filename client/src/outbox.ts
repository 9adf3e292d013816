import type { KeyValueStorage } from './key-value-storage.js';
import type { SendFailure } from './public-types.js';

export interface OutboxEntry {
  readonly clientMessageId: string;
  /** The target: a conversation, or a user (then `conversationId` is null until the server answers). */
  readonly conversationId: string | null;
  readonly receiverId: string | null;
  readonly content: string;
  readonly createdAt: string;
  /** Entries of one lane are sent one at a time, in order: one lane per partner. */
  readonly lane: string;
  /** Set when the server refused it for good; the lane goes on without it. */
  readonly failure: SendFailure | null;
}

/** The outbox of each user under its own key, so logging in as someone else never sends another's messages. */
export const outboxKey = (userId: string): string => `outbox:${userId}`;

const isEntry = (value: unknown): value is OutboxEntry => {
  const entry = value as Partial<OutboxEntry> | null;
  return (
    typeof entry?.clientMessageId === 'string' &&
    typeof entry.content === 'string' &&
    typeof entry.lane === 'string' &&
    typeof entry.createdAt === 'string' &&
    (typeof entry.conversationId === 'string' || typeof entry.receiverId === 'string')
  );
};

/**
 * Sends not acknowledged yet, in send order, written through to storage on
 * every change (writes queued, so they land in order).
 */
export class Outbox {
  private items: OutboxEntry[] = [];
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly key: string,
  ) {}

  /** Reads what an earlier run left unsent. */
  async load(): Promise<readonly OutboxEntry[]> {
    let parsed: unknown;
    try {
      parsed = JSON.parse((await this.storage.get(this.key)) ?? '[]');
    } catch {
      parsed = [];
    }
    const stored = Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    const known = new Set(this.items.map((e) => e.clientMessageId));
    this.items = [
      ...stored.map((e) => ({ ...e, conversationId: e.conversationId ?? null, receiverId: e.receiverId ?? null })),
      ...this.items.filter((e) => !stored.some((s) => s.clientMessageId === e.clientMessageId)),
    ];
    return this.items.filter((e) => !known.has(e.clientMessageId));
  }

  entries(): readonly OutboxEntry[] {
    return this.items;
  }

  get(clientMessageId: string): OutboxEntry | undefined {
    return this.items.find((e) => e.clientMessageId === clientMessageId);
  }

  /** Resolves once the entry is in storage. */
  add(entry: OutboxEntry): Promise<void> {
    this.items = [...this.items, entry];
    return this.persist();
  }

  /** False when it was not there (already acknowledged by another path). */
  remove(clientMessageId: string): boolean {
    const before = this.items.length;
    this.items = this.items.filter((e) => e.clientMessageId !== clientMessageId);
    if (this.items.length === before) return false;
    void this.persist();
    return true;
  }

  update(
    clientMessageId: string,
    change: Partial<Pick<OutboxEntry, 'failure' | 'conversationId'>>,
  ): OutboxEntry | null {
    const index = this.items.findIndex((e) => e.clientMessageId === clientMessageId);
    if (index < 0) return null;
    const updated = { ...this.items[index]!, ...change };
    this.items = this.items.map((e, i) => (i === index ? updated : e));
    void this.persist();
    return updated;
  }

  /** The next entry to send in a lane: its first that has not failed. */
  head(lane: string): OutboxEntry | undefined {
    return this.items.find((e) => e.lane === lane && e.failure === null);
  }

  /** Lanes with something to send. */
  lanes(): string[] {
    return [...new Set(this.items.filter((e) => e.failure === null).map((e) => e.lane))];
  }

  /** Resolves once every change so far is in storage. */
  flushed(): Promise<void> {
    return this.writes;
  }

  private persist(): Promise<void> {
    const snapshot = JSON.stringify(this.items);
    this.writes = this.writes
      .then(() => (snapshot === '[]' ? this.storage.remove(this.key) : this.storage.set(this.key, snapshot)))
      .catch(() => undefined);
    return this.writes;
  }
}
