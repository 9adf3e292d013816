import { historyPath } from './api-paths.js';
import { backoffDelay, Waiter } from './backoff.js';
import type { ChangeCursor } from './change-cursor.js';
import { ChatApiError } from './chat-api-error.js';
import type { ConversationStore } from './conversation-store.js';
import type { ConversationState, MessageView } from './public-types.js';
import type { RestClient } from './rest-client.js';
import type { ChangeView, ConversationListData, HistoryData, SyncData } from './rest-types.js';

const PAGE = 100;
const SYNC_PAGE = 500;
const RECEIPT_PAGE = 50;
/** Conversations fetched at the same time. */
const PARALLEL = 4;

const eachInParallel = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) => {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
};

export interface CatchUpDeps {
  readonly rest: RestClient;
  readonly store: ConversationStore;
  readonly cursor: ChangeCursor;
  /** A conversation as listed: the session stores it and tells the application. */
  readonly onSummary: (summary: ConversationState) => void;
  /** Stored messages from a page; returns how many were new here. */
  readonly onMessages: (messages: readonly MessageView[]) => number;
  /** A change from the feed (a receipt, an edit, a deletion, a message): the subject as it is now. */
  readonly onChange: (change: ChangeView) => number;
  /** A full catch-up (after a connect or `resync`) finished. */
  readonly onRecovered: (fetched: number) => void;
  /** A known conversation answered 404: the user is no longer in it (left or removed from a group). */
  readonly onGone: (conversationId: string) => void;
}

/**
 * Fetches what the client missed: for every conversation it knows, history
 * after the highest contiguous position it holds, page by page; the
 * conversation list, to find new ones; and the changes to messages already
 * held (receipts, edits, deletions) from the change feed, or, from a server
 * without one, the latest page where own messages still wait for receipts.
 * One run at a time; requests that arrive meanwhile are merged into the next.
 */
export class CatchUp {
  private wantAll = false;
  private readonly wanted = new Set<string>();
  private running: Promise<void> | null = null;
  private readonly waiter = new Waiter();
  private stopped = false;
  /** False once the server answered that it has no change feed. */
  private feed = true;

  constructor(private readonly deps: CatchUpDeps) {}

  /** Everything (no argument), or the one conversation where a position was skipped. */
  request(conversationId?: string): void {
    if (this.stopped) return;
    if (conversationId === undefined) this.wantAll = true;
    else this.wanted.add(conversationId);
    this.start();
  }

  /** Resolves when nothing is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
    this.waiter.wake();
  }

  /** Reads every page of the conversation list into the store; the first full read is the baseline. */
  async listConversations(): Promise<void> {
    // The place in the change feed first: a change made while the list is read is then not missed.
    if (!this.deps.store.baselineLoaded && !this.deps.cursor.ready) await this.startFeed();
    for (let page = 1; ; page += 1) {
      const data = await this.deps.rest.call<ConversationListData>('GET', '/api/conversations', {
        query: { page, limit: PAGE },
      });
      if (this.stopped) return;
      for (const summary of data.conversations) this.deps.onSummary(summary);
      if (!data.pagination.hasNext || data.conversations.length === 0) break;
    }
    this.deps.store.baselineLoaded = true;
  }

  private start(): void {
    this.running ??= this.loop().finally(() => {
      this.running = null;
      if (!this.stopped && (this.wantAll || this.wanted.size > 0)) this.start();
    });
  }

  private async loop(): Promise<void> {
    while ((this.wantAll || this.wanted.size > 0) && !this.stopped) {
      const all = this.wantAll;
      const only = [...this.wanted];
      this.wantAll = false;
      this.wanted.clear();
      for (let attempt = 0; !this.stopped; attempt += 1) {
        try {
          const fetched = await this.run(all ? null : only);
          if (all && !this.stopped) this.deps.onRecovered(fetched);
          break;
        } catch {
          await this.waiter.wait(backoffDelay(attempt));
        }
      }
    }
  }

  private async run(only: readonly string[] | null): Promise<number> {
    if (only === null) await this.listConversations();
    let fetched = 0;
    const ids = only ?? this.deps.store.conversationIds();
    await eachInParallel(ids, PARALLEL, async (id) => {
      fetched += await this.skippingGone(id, () => this.fetchAfterContiguous(id));
    });
    if (only !== null) return fetched;
    const synced = await this.syncChanges();
    if (synced !== null) return fetched + synced;
    await eachInParallel(ids, PARALLEL, async (id) => {
      fetched += await this.skippingGone(id, () => this.refreshReceipts(id));
    });
    return fetched;
  }

  /** A conversation this user can no longer see is dropped, not retried forever. */
  private async skippingGone(conversationId: string, work: () => Promise<number>): Promise<number> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ChatApiError) || error.status !== 404) throw error;
      this.deps.onGone(conversationId);
      return 0;
    }
  }

  /** Takes a place in the change feed: the server's current cursor. */
  private async startFeed(): Promise<void> {
    if (!this.feed) return;
    try {
      const data = await this.deps.rest.call<SyncData>('GET', '/api/sync');
      this.deps.cursor.reset(data.nextCursor);
    } catch (error) {
      if (error instanceof ChatApiError && error.status === 404) this.feed = false;
      else throw error;
    }
  }

  /** Applies the feed's changes since the cursor; how many messages were new, or null without a usable feed. */
  private async syncChanges(): Promise<number | null> {
    const cursor = this.deps.cursor;
    if (!cursor.ready) await this.startFeed();
    if (!this.feed || !cursor.ready) return null;
    let fetched = 0;
    for (;;) {
      let data: SyncData;
      try {
        data = await this.deps.rest.call<SyncData>('GET', '/api/sync', {
          query: { since: cursor.format(), limit: SYNC_PAGE },
        });
      } catch (error) {
        if (!(error instanceof ChatApiError) || (error.status !== 410 && error.status !== 404)) throw error;
        // Expired (offline longer than the feed keeps) or gone: start afresh, this time without it.
        cursor.forget();
        await this.startFeed();
        return null;
      }
      for (const change of data.changes) fetched += this.deps.onChange(change);
      cursor.reset(data.nextCursor);
      if (!data.hasMore || data.changes.length === 0) return fetched;
    }
  }

  private async fetchAfterContiguous(conversationId: string): Promise<number> {
    const log = this.deps.store.log(conversationId);
    if (!log) return 0;
    let fetched = 0;
    for (let after = log.contiguous; !this.stopped;) {
      const data = await this.deps.rest.call<HistoryData>('GET', historyPath(conversationId), {
        query: { after, limit: PAGE },
      });
      // Positions are gap-free: a page that begins past `after` begins where this reader's history does.
      const first = data.messages[0];
      if (first && first.seq > after + 1) log.startsAfter(first.seq - 1);
      fetched += this.deps.onMessages(data.messages);
      const last = data.messages[data.messages.length - 1];
      if (!data.hasMore || !last) break;
      after = Math.max(log.contiguous, last.seq);
    }
    return fetched;
  }

  /** Own messages not read yet may have had receipts while the socket was away (for servers without a feed). */
  private async refreshReceipts(conversationId: string): Promise<number> {
    const waiting = this.deps.store
      .log(conversationId)
      ?.list()
      .some((m) => m.mine && m.status !== 'read' && !m.isDeleted);
    if (!waiting) return 0;
    const data = await this.deps.rest.call<HistoryData>('GET', historyPath(conversationId), {
      query: { limit: RECEIPT_PAGE },
    });
    return this.deps.onMessages(data.messages);
  }
}
