import { blockPath } from './api-paths.js';
import type { ConversationStore } from './conversation-store.js';
import type { ChatMessage, ClientEvents } from './public-types.js';
import type { RestClient } from './rest-client.js';
import type { BlockData } from './rest-types.js';
import type { TypedEmitter } from './typed-emitter.js';

export interface BlockedUsersDeps {
  readonly rest: RestClient;
  readonly store: ConversationStore;
  readonly events: TypedEmitter<ClientEvents>;
  /** Messages shown again by an unblock: the application knows them from here on. */
  readonly reveal: (messages: readonly ChatMessage[]) => void;
}

/**
 * Whom the user blocks, as `GET /api/auth/me` lists them and `block` and
 * `unblock` change it. In a group both stay members, so the blocker's client
 * hides the blocked user's messages there: it holds them (positions stay
 * gap-free for catch-up) but never shows or counts them. A direct
 * conversation is left as it is: the server refuses the blocked user's sends.
 */
export class BlockedUsers {
  private readonly blocked = new Set<string>();
  private read = false;

  constructor(private readonly deps: BlockedUsersDeps) {}

  /** Oldest block first, as the server lists them. */
  get ids(): readonly string[] {
    return [...this.blocked];
  }

  /** False until the server's list has been read once. */
  get loaded(): boolean {
    return this.read;
  }

  hides(senderId: string, inGroup: boolean): boolean {
    return inGroup && this.blocked.has(senderId);
  }

  /** The list as the server has it now. */
  reset(userIds: readonly string[]): void {
    this.read = true;
    const next = new Set(userIds);
    const changed = [...userIds, ...this.blocked].filter((id) => next.has(id) !== this.blocked.has(id));
    this.blocked.clear();
    for (const id of next) this.blocked.add(id);
    for (const id of changed) this.showChange(id, next.has(id));
  }

  async block(userId: string): Promise<void> {
    await this.deps.rest.call<BlockData>('POST', blockPath(userId));
    if (this.blocked.has(userId)) return;
    this.blocked.add(userId);
    this.showChange(userId, true);
  }

  async unblock(userId: string): Promise<void> {
    await this.deps.rest.call<BlockData>('DELETE', blockPath(userId));
    if (!this.blocked.delete(userId)) return;
    this.showChange(userId, false);
  }

  /** Each group holding messages of the user changed: `conversation`, so the application re-reads `messages()`. */
  private showChange(userId: string, blocked: boolean): void {
    const { store, events } = this.deps;
    for (const { id, kind } of store.conversations()) {
      const theirs =
        store
          .log(id)
          ?.list()
          .filter((m) => m.senderId === userId) ?? [];
      if (kind !== 'group' || theirs.length === 0) continue;
      if (!blocked) this.deps.reveal(theirs);
      const state = store.reviewLast(id);
      if (state) events.emit('conversation', state);
    }
  }
}
