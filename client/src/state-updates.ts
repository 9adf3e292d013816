import { conversationPath } from './api-paths.js';
import type { MessagePatch } from './chat-message.js';
import type { ConversationStore } from './conversation-store.js';
import type { ChatMessage, ClientEvents, ConversationState, ConversationView, MessageView } from './public-types.js';
import type { RestClient } from './rest-client.js';
import type { ChangeView, ConversationData } from './rest-types.js';
import type { TypedEmitter } from './typed-emitter.js';

/** Live events from two server processes may cross: a hole still open after this long is a real gap. */
const GAP_GRACE_MS = 300;

export interface StateUpdatesDeps {
  readonly store: ConversationStore;
  readonly rest: RestClient;
  readonly events: TypedEmitter<ClientEvents>;
  /** Catch-up for one conversation where a position was skipped, or (no argument) for everything. */
  readonly requestCatchUp: (conversationId?: string) => void;
  /** An own message was seen stored: its send is done. */
  readonly acknowledged: (clientMessageId: string, conversationId: string) => void;
  /** A change to a conversation itself (a group's name, owner or members) from the feed. */
  readonly conversationChanged: (change: ChangeView) => void;
}

/**
 * What the server says, from any path (events, pages, the change feed),
 * applied to the conversation store and told to the application under the
 * one rule: each message once (`message`), then only changes of it
 * (`message_updated`).
 */
export class StateUpdates {
  /** Keys the application has seen. */
  private readonly shown = new Set<string>();
  private readonly detailsAsked = new Set<string>();
  private readonly gapChecks = new Map<string, ReturnType<typeof setTimeout>>();
  private closed = false;

  constructor(private readonly deps: StateUpdatesDeps) {}

  close(): void {
    this.closed = true;
    for (const timer of this.gapChecks.values()) clearTimeout(timer);
  }

  /** A stored message from any path; true when it was new here and is shown. `checkGap`: not from a history page, which has none. */
  applyStored(
    view: MessageView,
    conversation: ConversationView | undefined,
    checkGap: boolean,
    reactionsCurrent = false,
  ): boolean {
    const { store, events } = this.deps;
    const outcome = store.putMessage(view, conversation, reactionsCurrent);
    // Any sighting of an own message acknowledges its send, whichever path brought it.
    if (outcome.message.mine && view.clientMessageId) this.deps.acknowledged(view.clientMessageId, view.conversationId);
    if (outcome.change !== 'unchanged') this.show(outcome.message);
    if (outcome.conversation) {
      events.emit('conversation', outcome.conversation);
      if (outcome.conversation.otherParticipant === null) void this.fetchDetails(view.conversationId);
    }
    if (checkGap) this.checkForGap(view.conversationId);
    return outcome.change === 'added' && !store.isHidden(view);
  }

  /** A change from the feed; messages older than what is held (below the floor) stay unloaded. */
  applyChange(change: ChangeView): number {
    const { message, conversation } = change.data;
    if (message) {
      const log = this.deps.store.log(message.conversationId);
      if (log && !log.get(message.id) && message.seq <= log.floor) return 0;
      return this.applyStored(message, undefined, true, true) ? 1 : 0;
    }
    if (conversation) this.deps.conversationChanged(change);
    return 0;
  }

  applySummary(summary: ConversationState): void {
    const before = this.deps.store.conversation(summary.id);
    const after = this.deps.store.applySummary(summary);
    if (!before || JSON.stringify(before) !== JSON.stringify(after)) this.deps.events.emit('conversation', after);
  }

  patch(conversationId: string, messageId: string, patch: MessagePatch): void {
    const changed = this.deps.store.patch(conversationId, messageId, patch);
    if (!changed) return;
    this.show(changed);
    if (patch.isDeleted) {
      const conversation = this.deps.store.conversation(conversationId);
      if (conversation?.lastMessage?.id === messageId) this.deps.events.emit('conversation', conversation);
    }
  }

  presence(userId: string, online: boolean, lastSeen: string | null): void {
    this.deps.events.emit('presence', { userId, online, lastSeen });
    for (const conversation of this.deps.store.setPresence(userId, online, lastSeen)) {
      this.deps.events.emit('conversation', conversation);
    }
  }

  /** Tells the application of a message, unless it is hidden: it then hears nothing of it. */
  show(message: ChatMessage): void {
    if (this.deps.store.isHidden(message)) return;
    if (this.shown.has(message.key)) {
      this.deps.events.emit('message_updated', message);
    } else {
      this.shown.add(message.key);
      this.deps.events.emit('message', message);
    }
  }

  /** Messages hidden until now are shown again: the application re-reads them, and hears of their changes from now on. */
  reveal(messages: readonly ChatMessage[]): void {
    for (const message of messages) this.shown.add(message.key);
  }

  /** A conversation first seen in an event lacks the other participant: ask once. */
  async fetchDetails(conversationId: string): Promise<void> {
    if (this.detailsAsked.has(conversationId)) return;
    this.detailsAsked.add(conversationId);
    try {
      const data = await this.deps.rest.call<ConversationData>('GET', conversationPath(conversationId));
      if (!this.closed) this.applySummary(data.conversation);
    } catch {
      this.detailsAsked.delete(conversationId);
    }
  }

  private checkForGap(conversationId: string): void {
    const { store } = this.deps;
    if (!store.log(conversationId)?.hasHole || this.gapChecks.has(conversationId)) return;
    this.gapChecks.set(
      conversationId,
      setTimeout(() => {
        this.gapChecks.delete(conversationId);
        if (!this.closed && store.log(conversationId)?.hasHole) this.deps.requestCatchUp(conversationId);
      }, GAP_GRACE_MS),
    );
  }
}
