import { historyPath } from './api-paths.js';
import type { ConversationStore } from './conversation-store.js';
import type { MessageLog } from './message-log.js';
import type { RestClient } from './rest-client.js';
import type { HistoryData } from './rest-types.js';
import type { StateUpdates } from './state-updates.js';

const PAGE = 50;

/** Pages of a conversation's history into its log, noting where the history starts for this user. */
export class HistoryPages {
  constructor(private readonly deps: { rest: RestClient; store: ConversationStore; updates: StateUpdates }) {}

  /** The newest page; the log after it (it may have a hole between this page and what was held). */
  async newest(conversationId: string): Promise<MessageLog> {
    const { store } = this.deps;
    const log = store.ensureLog(conversationId, store.conversation(conversationId)?.lastMessage?.seq ?? 0);
    const page = await this.load(conversationId, { limit: PAGE });
    const first = page.messages[0];
    const last = page.messages[page.messages.length - 1];
    if (!page.hasMore) log.reachedStart(first?.seq);
    else if (first && last && last.seq >= log.floor) log.lowerFloor(first.seq - 1);
    return log;
  }

  /** The page before the oldest message held; false when the beginning is reached. */
  async older(conversationId: string, limit = PAGE): Promise<boolean> {
    const log = this.deps.store.log(conversationId);
    if (!log || log.floor === 0) return false;
    const page = await this.load(conversationId, { before: log.floor + 1, limit });
    const first = page.messages[0];
    if (page.hasMore && first) log.lowerFloor(first.seq - 1);
    else log.reachedStart(first?.seq);
    return log.floor > 0;
  }

  private async load(conversationId: string, query: Record<string, number>): Promise<HistoryData> {
    const page = await this.deps.rest.call<HistoryData>('GET', historyPath(conversationId), { query });
    for (const message of page.messages) this.deps.updates.applyStored(message, undefined, false, true);
    return page;
  }
}
