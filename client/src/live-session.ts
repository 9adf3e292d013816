import { conversationPath, reactionPath } from './api-paths.js';
import type { AuthSession } from './auth-session.js';
import { BlockedUsers } from './blocked-users.js';
import { CatchUp } from './catch-up.js';
import { ChangeCursor } from './change-cursor.js';
import { withReaction } from './chat-message.js';
import { ConversationStore } from './conversation-store.js';
import { GroupConversations } from './group-conversations.js';
import { HistoryPages } from './history-pages.js';
import type { KeyValueStorage } from './key-value-storage.js';
import type { OutboxEntry } from './outbox.js';
import { OutgoingMessages } from './outgoing-messages.js';
import type {
  ChatMessage,
  ClientEvents,
  ConnectionState,
  ConversationState,
  SendTarget,
  StoredMessage,
  SessionEndReason,
} from './public-types.js';
import type { RestClient } from './rest-client.js';
import type { ConversationData, MarkReadData, ReactionData } from './rest-types.js';
import { attemptSend } from './send-attempt.js';
import { SocketTransport, type ChatSocket } from './socket-transport.js';
import { StateUpdates } from './state-updates.js';
import type { TypedEmitter } from './typed-emitter.js';
import { TypingIndicator } from './typing-indicator.js';
import type { WebSocketConstructor } from './web-socket-transports.js';

export interface LiveSessionOptions {
  readonly baseUrl: string;
  readonly socketPath?: string;
  readonly webSocket?: WebSocketConstructor;
  readonly sendTimeoutMs: number;
  readonly storage: KeyValueStorage;
  readonly rest: RestClient;
  readonly auth: AuthSession;
  readonly events: TypedEmitter<ClientEvents>;
  readonly onConnectionState: (state: ConnectionState) => void;
  readonly onSessionEnded: (reason: SessionEndReason) => void;
}

/**
 * Everything of one logged-in user: the conversations and their messages
 * (kept by StateUpdates), the unsent messages (OutgoingMessages), the socket,
 * catch-up and typing, wired so that whichever path brings a message, the
 * application sees it once (`message`), then only changes of it.
 */
export class LiveSession {
  readonly store: ConversationStore;
  readonly groups: GroupConversations;
  readonly blocked: BlockedUsers;
  private readonly history: HistoryPages;
  private readonly updates: StateUpdates;
  private readonly outgoing: OutgoingMessages;
  private readonly catchUp: CatchUp;
  private readonly transport: SocketTransport;
  private readonly typingIndicator: TypingIndicator;
  private readonly cursor = new ChangeCursor();
  /** Conversations the application has open: their rooms are joined on every connect. */
  private readonly open = new Set<string>();
  private closed = false;

  constructor(private readonly options: LiveSessionOptions) {
    const { rest, auth, storage } = options;
    this.store = new ConversationStore(auth.user.id, (senderId, inGroup) => this.blocked.hides(senderId, inGroup));
    const reveal = (messages: readonly ChatMessage[]) => this.updates.reveal(messages);
    this.blocked = new BlockedUsers({ rest, store: this.store, events: options.events, reveal });
    this.updates = new StateUpdates({
      store: this.store,
      rest,
      events: options.events,
      requestCatchUp: (conversationId) => this.catchUp.request(conversationId),
      acknowledged: (clientMessageId, conversationId) => this.outgoing.acknowledged(clientMessageId, conversationId),
      conversationChanged: (change) => this.groups.applyChange(change),
    });
    this.history = new HistoryPages({ rest, store: this.store, updates: this.updates });
    this.groups = new GroupConversations({
      rest,
      store: this.store,
      events: options.events,
      advance: (cursor) => this.cursor.advance(cursor),
      show: (message) => this.updates.show(message),
      fetchDetails: (conversationId) => void this.updates.fetchDetails(conversationId),
      onLeft: (conversationId) => this.closeConversation(conversationId),
    });
    this.transport = new SocketTransport({
      baseUrl: options.baseUrl,
      ...(options.socketPath ? { path: options.socketPath } : {}),
      ...(options.webSocket ? { webSocket: options.webSocket } : {}),
      token: () => auth.current(),
      tokenRejected: (token) => auth.rejected(token),
      onState: (state) => this.onConnectionState(state),
      onConnect: () => this.onConnect(),
    });
    this.outgoing = new OutgoingMessages({
      storage,
      store: this.store,
      attempt: (entry) => attemptSend(entry, { transport: this.transport, rest, ackTimeoutMs: options.sendTimeoutMs }),
      onStored: (entry, stored) => this.onSendStored(entry, stored),
      show: (message) => this.updates.show(message),
    });
    this.catchUp = new CatchUp({
      rest,
      store: this.store,
      cursor: this.cursor,
      onSummary: (summary) => this.updates.applySummary(summary),
      onChange: (change) => this.updates.applyChange(change),
      onMessages: (messages) => messages.filter((m) => this.updates.applyStored(m, undefined, false, true)).length,
      onRecovered: (fetched) => options.events.emit('recovered', { fetched }),
      onGone: (conversationId) => this.groups.drop(conversationId),
    });
    this.typingIndicator = new TypingIndicator((event, conversationId) => {
      this.transport.live()?.emit(event, { conversationId }, () => undefined);
    });
  }

  private get events(): TypedEmitter<ClientEvents> {
    return this.options.events;
  }

  private get myId(): string {
    return this.store.myId;
  }

  /** Restores the outbox, reads the conversation list (the baseline), connects and starts sending. */
  async start(): Promise<void> {
    await this.outgoing.restore();
    // Without the list now, the first catch-up reads it.
    await this.catchUp.listConversations().catch(() => undefined);
    if (this.closed) return;
    await this.transport.start((socket) => this.bind(socket));
    this.outgoing.kick();
  }

  close(): void {
    this.closed = true;
    this.transport.close();
    this.outgoing.stop();
    this.catchUp.stop();
    this.typingIndicator.clear();
    this.updates.close();
  }

  get connectionState(): ConnectionState {
    return this.transport.state;
  }

  // ---- what the application calls ----

  async loadConversations(): Promise<ConversationState[]> {
    await this.catchUp.listConversations();
    return this.store.conversations();
  }

  send(target: SendTarget, content: string): ChatMessage {
    if (this.closed) throw new Error('The client is closed');
    const conversationId = 'conversationId' in target ? target.conversationId : null;
    const receiverId = 'receiverId' in target ? target.receiverId : null;
    const known = conversationId ?? (receiverId ? this.store.conversationWith(receiverId)?.id : undefined);
    if (known) this.typingIndicator.stop(known);
    return this.outgoing.queue(target, content);
  }

  /** Stored messages by position, then this client's unsent ones in send order. */
  messages(conversationId: string): readonly ChatMessage[] {
    const stored = this.store.visible(conversationId);
    const pending = this.outgoing.in(conversationId);
    return pending.length === 0 ? stored : [...stored, ...pending];
  }

  /** Own messages not stored yet, pending or failed, in send order. */
  unsent(): readonly ChatMessage[] {
    return this.outgoing.all();
  }

  retry(key: string): boolean {
    return this.outgoing.retry(key);
  }

  discard(key: string): boolean {
    return this.outgoing.discard(key);
  }

  async openConversation(conversationId: string): Promise<readonly ChatMessage[]> {
    if (!this.store.conversation(conversationId)) {
      const data = await this.options.rest.call<ConversationData>('GET', conversationPath(conversationId));
      this.updates.applySummary(data.conversation);
    }
    if ((await this.history.newest(conversationId)).hasHole) this.catchUp.request(conversationId);
    this.open.add(conversationId);
    this.transport.live()?.emit('join_room', { conversationId }, () => undefined);
    return this.messages(conversationId);
  }

  loadOlder(conversationId: string, limit?: number): Promise<boolean> {
    return this.history.older(conversationId, limit);
  }

  closeConversation(conversationId: string): void {
    this.open.delete(conversationId);
    this.transport.live()?.emit('leave_room', { conversationId }, () => undefined);
  }

  async markRead(conversationId: string): Promise<number> {
    const upToSeq = this.store.lastSeqOf(conversationId);
    const data = await this.options.rest.call<MarkReadData>('PUT', `${conversationPath(conversationId)}/mark-read`);
    const { messages, conversation } = this.store.markRead(conversationId, new Date().toISOString(), upToSeq);
    for (const message of messages) this.updates.show(message);
    if (conversation) this.events.emit('conversation', conversation);
    return data.markedCount;
  }

  /** Adds (or with `added: false` takes back) this user's emoji on a stored message; idempotent. */
  async react(messageId: string, emoji: string, added: boolean): Promise<ChatMessage | null> {
    const data = await this.options.rest.call<ReactionData>(added ? 'PUT' : 'DELETE', reactionPath(messageId, emoji));
    this.updates.applyStored(data.message, undefined, false, true);
    return this.store.log(data.message.conversationId)?.get(messageId) ?? null;
  }

  typing(conversationId: string): void {
    if (this.transport.live()) this.typingIndicator.keystroke(conversationId);
  }

  // ---- the socket ----

  private bind(socket: ChatSocket): void {
    // Every change event carries its place in the change feed: the cursor moves on when it is the next one.
    socket.on('message_received', (payload, ack) => {
      this.updates.applyStored(payload.message, payload.conversation, true);
      this.cursor.advance(payload.cursor);
      // The receipt: the sender sees `delivered`.
      ack?.({ received: true });
    });
    socket.on('message_sent', (payload) => {
      this.updates.applyStored(payload.message, payload.conversation, true);
      this.cursor.advance(payload.cursor);
    });
    socket.on('message_delivered', ({ messageId, conversationId, deliveredAt, cursor }) => {
      this.updates.patch(conversationId, messageId, { deliveredAt });
      this.cursor.advance(cursor);
    });
    socket.on('message_read', ({ messageId, conversationId, readAt, cursor }) => {
      if (!this.groups.read(conversationId, messageId, readAt))
        this.updates.patch(conversationId, messageId, { readAt });
      this.cursor.advance(cursor);
    });
    socket.on('message_edited', ({ message, cursor }) => {
      this.updates.applyStored(message, undefined, true, true);
      this.cursor.advance(cursor);
    });
    socket.on('message_deleted', ({ messageId, conversationId, cursor }) => {
      this.updates.patch(conversationId, messageId, { isDeleted: true, deletedAt: new Date().toISOString() });
      this.cursor.advance(cursor);
    });
    socket.on('message_reaction', ({ messageId, conversationId, emoji, userId, added, cursor }) => {
      // A count moves by one per change: applied only in feed order, so the next sync cannot apply it again.
      const place = this.cursor.advance(cursor);
      if (place === 'ahead') this.catchUp.request();
      if (place !== 'next' && place !== 'unknown') return;
      const held = this.store.log(conversationId)?.get(messageId);
      if (!held) return;
      this.updates.patch(conversationId, messageId, {
        reactions: withReaction(held.reactions, emoji, userId === this.myId, added),
      });
    });
    socket.on('user_typing', (event) => this.events.emit('typing', { ...event }));
    socket.on('user_online', ({ userId }) => this.updates.presence(userId, true, null));
    socket.on('user_offline', ({ userId, lastSeen }) => this.updates.presence(userId, false, lastSeen));
    socket.on('resync', () => this.catchUp.request());
    socket.on('session_ended', ({ reason }) => this.options.onSessionEnded(reason));
    this.groups.bind(socket);
  }

  private onConnect(): void {
    for (const conversationId of this.open) {
      this.transport.live()?.emit('join_room', { conversationId }, () => undefined);
    }
    this.outgoing.wake();
    this.catchUp.request();
  }

  private onConnectionState(state: ConnectionState): void {
    if (state !== 'online') this.typingIndicator.clear();
    this.options.onConnectionState(state);
  }

  private onSendStored(entry: OutboxEntry, { message, conversation, cursor }: StoredMessage): void {
    this.updates.applyStored(message, conversation, true);
    // The sending socket gets no `message_sent` for it: the acknowledgement moves the change cursor on instead.
    this.cursor.advance(cursor);
    this.outgoing.acknowledged(entry.clientMessageId, message.conversationId);
  }
}
