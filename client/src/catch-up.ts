import { backoffDelay, Waiter } from './backoff.js';
import { ChatApiError } from './chat-api-error.js';
import type { ConversationStore } from './conversation-store.js';
import type { ConversationState, MessageView } from './public-types.js';
import type { RestClient } from './rest-client.js';
import type { ConversationListData, HistoryData } from './rest-types.js';

const PAGE = 100;
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

const historyPath = (conversationId: string) => `/api/conversations/${encodeURIComponent(conversationId)}/messages`;

export interface CatchUpDeps {
  readonly rest: RestClient;
  readonly store: ConversationStore;
  /** A conversation as listed: the session stores it and tells the application. */
  readonly onSummary: (summary: ConversationState) => void;
  /** Stored messages from a page; returns how many were new here. */
  readonly onMessages: (messages: readonly MessageView[]) => number;
  /** A full catch-up (after a connect or `resync`) finished. */
  readonly onRecovered: (fetched: number) => void;
}

/**
 * Fetches what the client missed: for every conversation it knows, history
 * after the highest contiguous position it holds, page by page; the
 * conversation list, to find new ones; and the latest page where own
 * messages still wait for receipts (those events may have been missed too).
 * One run at a time; requests that arrive meanwhile are merged into the next.
 */
export class CatchUp {
  private wantAll = false;
  private readonly wanted = new Set<string>();
  private running: Promise<void> | null = null;
  private readonly waiter = new Waiter();
  private stopped = false;

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
    await eachInParallel(only ?? this.deps.store.conversationIds(), PARALLEL, async (id) => {
      try {
        fetched += await this.fetchAfterContiguous(id);
        if (only === null) fetched += await this.refreshReceipts(id);
      } catch (error) {
        // A conversation this user can no longer see is skipped, not retried forever.
        if (!(error instanceof ChatApiError) || error.status !== 404) throw error;
      }
    });
    return fetched;
  }

  private async fetchAfterContiguous(conversationId: string): Promise<number> {
    const log = this.deps.store.log(conversationId);
    if (!log) return 0;
    let fetched = 0;
    for (let after = log.contiguous; !this.stopped;) {
      const data = await this.deps.rest.call<HistoryData>('GET', historyPath(conversationId), {
        query: { after, limit: PAGE },
      });
      fetched += this.deps.onMessages(data.messages);
      const last = data.messages[data.messages.length - 1];
      if (!data.hasMore || !last) break;
      after = Math.max(log.contiguous, last.seq);
    }
    return fetched;
  }

  /** Own messages not read yet may have had receipts while the socket was away. */
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
