import type { ConversationLog } from './conversation-log.js';
import { isTransient, restCall } from './rest-call.js';
import { ATTEMPT_TIMEOUT_MS, backoffMs, Refused, sleep } from './retrying.js';
import type { WireMessage } from './wire-message.js';

const PAGE = 100;

export interface CatchUpHost {
  /** Base URLs of the app processes, tried in turn. */
  readonly urls: readonly string[];
  readonly token: string;
  /** The log of a conversation, made when it is new. */
  logFor(conversationId: string): ConversationLog;
  allLogs(): Iterable<ConversationLog>;
  /** Keeps a message read from history; null when it was not a message. */
  recordFromHistory(raw: unknown): WireMessage | null;
  /** A refusal the suite must hear of. */
  problem(description: string): void;
  /** Called at the start of each round of catching up. */
  started(): void;
  isClosed(): boolean;
}

/**
 * Fetches what a client missed from its last contiguous position: of every
 * conversation (after listing them, to find new ones) or of those with a gap.
 * Requests made while a round runs are gathered into the next round.
 */
export class HistoryCatchUp {
  private wanted = { all: false, conversations: new Set<string>() };
  private running: Promise<void> | null = null;

  constructor(private readonly host: CatchUpHost) {}

  /** Nothing running and nothing wanted. */
  get idle(): boolean {
    return !this.isWanted && this.running === null;
  }

  /** Catches up every conversation, or just the one given (a gap there). */
  request(conversationId?: string): void {
    if (conversationId === undefined) this.wanted.all = true;
    else this.wanted.conversations.add(conversationId);
    if (this.running || this.host.isClosed()) return;
    this.running = this.whileWanted().finally(() => {
      this.running = null;
      if (this.isWanted) this.request();
    });
  }

  private get isWanted(): boolean {
    return this.wanted.all || this.wanted.conversations.size > 0;
  }

  private async whileWanted(): Promise<void> {
    while (this.isWanted && !this.host.isClosed()) {
      const all = this.wanted.all;
      const only = [...this.wanted.conversations];
      this.wanted = { all: false, conversations: new Set() };
      this.host.started();
      for (let attempt = 0; !this.host.isClosed(); attempt += 1) {
        try {
          await this.once(this.host.urls[attempt % this.host.urls.length]!, all ? null : only);
          break;
        } catch (error) {
          if (error instanceof Refused) {
            this.host.problem(`catch-up refused: ${error.message}`);
            return;
          }
        }
        await sleep(backoffMs(attempt));
      }
    }
  }

  private async get(url: string, path: string): Promise<any> {
    const reply = await restCall(url, 'GET', path, { token: this.host.token, timeoutMs: ATTEMPT_TIMEOUT_MS });
    if (reply.status === 200) return reply.body?.data;
    if (isTransient(reply.status)) throw new Error(`status ${reply.status}`);
    throw new Refused(`GET ${path} ${reply.status} ${JSON.stringify(reply.body)}`);
  }

  /** Fetches from the last contiguous position: the given conversations, or all after listing them (null). */
  private async once(url: string, only: readonly string[] | null): Promise<void> {
    if (only === null) {
      for (let page = 1; ; page += 1) {
        const data = await this.get(url, `/api/conversations?page=${page}&limit=${PAGE}`);
        for (const conversation of data.conversations as Array<{ id: string }>) this.host.logFor(conversation.id);
        if (!data.pagination.hasNext) break;
      }
    }
    const logs = only === null ? [...this.host.allLogs()] : only.map((id) => this.host.logFor(id));
    for (const log of logs) {
      let after = log.contiguous;
      for (;;) {
        const path = `/api/conversations/${log.conversationId}/messages?after=${after}&limit=${PAGE}`;
        const data = await this.get(url, path);
        for (const raw of data.messages as unknown[]) {
          const message = this.host.recordFromHistory(raw);
          if (message) after = Math.max(after, message.seq);
        }
        if (!data.hasMore) break;
      }
    }
  }
}
