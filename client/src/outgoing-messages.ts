import { newClientMessageId } from './client-message-id.js';
import type { ConversationStore } from './conversation-store.js';
import type { KeyValueStorage } from './key-value-storage.js';
import { OutboxDispatcher, type AttemptOutcome } from './outbox-dispatcher.js';
import { Outbox, outboxKey, type OutboxEntry } from './outbox.js';
import type { ChatMessage, SendTarget, StoredMessage } from './public-types.js';

export interface OutgoingMessagesDeps {
  readonly storage: KeyValueStorage;
  readonly store: ConversationStore;
  readonly attempt: (entry: OutboxEntry) => Promise<AttemptOutcome>;
  /** The server stored an entry's message (the entry is still in the outbox when this is called). */
  readonly onStored: (entry: OutboxEntry, stored: StoredMessage) => void;
  /** Tells the application about an own message not stored yet. */
  readonly show: (message: ChatMessage) => void;
}

/**
 * This user's messages the server has not stored yet: the outbox that keeps
 * them across reloads, its dispatcher, and how they look to the application
 * (`pending` or `failed`, keyed by their clientMessageId).
 */
export class OutgoingMessages {
  private readonly outbox: Outbox;
  private readonly dispatcher: OutboxDispatcher;

  constructor(private readonly deps: OutgoingMessagesDeps) {
    this.outbox = new Outbox(deps.storage, outboxKey(deps.store.myId));
    this.dispatcher = new OutboxDispatcher(this.outbox, {
      attempt: deps.attempt,
      onStored: deps.onStored,
      onRefused: (entry) => deps.show(this.pendingMessage(entry)),
    });
  }

  /** Shows what an earlier page or process left unsent. */
  async restore(): Promise<void> {
    for (const entry of await this.outbox.load()) this.deps.show(this.pendingMessage(entry));
  }

  /** Starts sending whatever waits. */
  kick(): void {
    this.dispatcher.kick();
  }

  /** Retries waiting sends now (the connection came back). */
  wake(): void {
    this.dispatcher.wake();
  }

  stop(): void {
    this.dispatcher.stop();
  }

  queue(target: SendTarget, content: string): ChatMessage {
    const conversationId = 'conversationId' in target ? target.conversationId : null;
    const receiverId = 'receiverId' in target ? target.receiverId : null;
    const entry: OutboxEntry = {
      clientMessageId: newClientMessageId(),
      conversationId,
      receiverId,
      content,
      createdAt: new Date().toISOString(),
      lane: this.laneOf(conversationId, receiverId),
      failure: null,
    };
    const message = this.pendingMessage(entry);
    this.deps.show(message);
    // Sent once it is stored, so a crash in between cannot lose a message the server has.
    void this.outbox.add(entry).then(() => this.dispatcher.kick());
    return message;
  }

  /** The unsent messages of one conversation, in send order. */
  in(conversationId: string): ChatMessage[] {
    const other = this.otherParticipantOf(conversationId);
    return this.outbox
      .entries()
      .filter((e) => e.conversationId === conversationId || (e.conversationId === null && e.receiverId === other))
      .map((e) => this.pendingMessage(e));
  }

  /** Own messages not stored yet, pending or failed, in send order. */
  all(): ChatMessage[] {
    return this.outbox.entries().map((e) => this.pendingMessage(e));
  }

  retry(key: string): boolean {
    const entry = this.outbox.get(key);
    if (!entry?.failure) return false;
    const again = this.outbox.update(key, { failure: null });
    if (again) this.deps.show(this.pendingMessage(again));
    this.dispatcher.kick();
    return true;
  }

  discard(key: string): boolean {
    return this.outbox.get(key)?.failure ? this.outbox.remove(key) : false;
  }

  /** The send is stored: out of the outbox; later sends to the same user now know their conversation. */
  acknowledged(clientMessageId: string, conversationId: string): void {
    const entry = this.outbox.get(clientMessageId);
    if (!entry) return;
    this.outbox.remove(clientMessageId);
    for (const other of this.outbox.entries()) {
      if (other.lane !== entry.lane || other.conversationId !== null) continue;
      const updated = this.outbox.update(other.clientMessageId, { conversationId });
      if (updated) this.deps.show(this.pendingMessage(updated));
    }
  }

  /** One lane per partner, so sends to them stay in order whether addressed by user or by conversation. */
  private laneOf(conversationId: string | null, receiverId: string | null): string {
    const partner = receiverId ?? (conversationId ? this.otherParticipantOf(conversationId) : undefined);
    return partner ? `user:${partner}` : `conversation:${conversationId}`;
  }

  private otherParticipantOf(conversationId: string): string | undefined {
    const state = this.deps.store.conversation(conversationId);
    if (state?.kind === 'group') return undefined;
    return state?.otherParticipant?.id ?? state?.participants.find((id) => id !== this.deps.store.myId);
  }

  private pendingMessage(entry: OutboxEntry): ChatMessage {
    const { store } = this.deps;
    const conversationId =
      entry.conversationId ?? (entry.receiverId ? store.conversationWith(entry.receiverId)?.id : undefined) ?? '';
    return {
      id: '',
      conversationId,
      seq: 0,
      senderId: store.myId,
      receiverId: entry.receiverId ?? this.otherParticipantOf(conversationId) ?? null,
      content: entry.content,
      messageType: 'text',
      clientMessageId: entry.clientMessageId,
      isDeleted: false,
      createdAt: entry.createdAt,
      deliveredAt: null,
      readAt: null,
      deletedAt: null,
      editedAt: null,
      reactions: [],
      key: entry.clientMessageId,
      status: entry.failure ? 'failed' : 'pending',
      mine: true,
      ...(entry.failure ? { error: entry.failure } : {}),
    };
  }
}
