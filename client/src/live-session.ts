import { withReaction } from './chat-message.js';
import { CatchUp } from './catch-up.js';
import { ChangeCursor } from './change-cursor.js';
import type { AuthSession } from './auth-session.js';
import { newClientMessageId } from './client-message-id.js';
import type { MessagePatch } from './chat-message.js';
import { ConversationStore } from './conversation-store.js';
import type { KeyValueStorage } from './key-value-storage.js';
import { GroupConversations } from './group-conversations.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';
import { Outbox, outboxKey, type OutboxEntry } from './outbox.js';
import type {
  ChatMessage,
  ClientEvents,
  ConnectionState,
  ConversationState,
  ConversationView,
  MessageView,
  SendTarget,
  StoredMessage,
  SessionEndReason,
} from './public-types.js';
import type { RestClient } from './rest-client.js';
import type { ChangeView, ConversationData, HistoryData, MarkReadData, ReactionData } from './rest-types.js';
import { attemptSend } from './send-attempt.js';
import { SocketTransport, type ChatSocket } from './socket-transport.js';
import type { TypedEmitter } from './typed-emitter.js';
import { TypingIndicator } from './typing-indicator.js';
import type { WebSocketConstructor } from './web-socket-transports.js';

const PAGE = 50;
/** Live events from two server processes may cross: a hole still open after this long is a real gap. */
const GAP_GRACE_MS = 300;

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

const conversationPath = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

/**
 * Everything of one logged-in user: the conversations and their messages,
 * the outbox and its sender, the socket, catch-up and typing; and the one
 * rule that ties them: the application sees each message once (`message`),
 * then only changes of it (`message_updated`), whichever path brought it.
 */
export class LiveSession {
  readonly store: ConversationStore;
  readonly groups: GroupConversations;
  private readonly outbox: Outbox;
  private readonly dispatcher: OutboxDispatcher;
  private readonly catchUp: CatchUp;
  private readonly transport: SocketTransport;
  private readonly typingIndicator: TypingIndicator;
  private readonly cursor = new ChangeCursor();
  /** Keys the application has seen. */
  private readonly shown = new Set<string>();
  /** Conversations the application has open: their rooms are joined on every connect. */
  private readonly open = new Set<string>();
  private readonly detailsAsked = new Set<string>();
  private readonly gapChecks = new Map<string, ReturnType<typeof setTimeout>>();
  private closed = false;

  constructor(private readonly options: LiveSessionOptions) {
    const { rest, auth, storage } = options;
    const myId = auth.user.id;
    this.store = new ConversationStore(myId);
    this.groups = new GroupConversations({
      rest,
      store: this.store,
      events: options.events,
      advance: (cursor) => this.cursor.advance(cursor),
      show: (message) => this.show(message),
      fetchDetails: (conversationId) => void this.fetchDetails(conversationId),
      onLeft: (conversationId) => this.closeConversation(conversationId),
    });
    this.outbox = new Outbox(storage, outboxKey(myId));
    this.transport = new SocketTransport({
      baseUrl: options.baseUrl,
      ...(options.socketPath ? { path: options.socketPath } : {}),
      ...(options.webSocket ? { webSocket: options.webSocket } : {}),
      token: () => auth.current(),
      tokenRejected: (token) => auth.rejected(token),
      onState: (state) => this.onConnectionState(state),
      onConnect: () => this.onConnect(),
    });
    this.dispatcher = new OutboxDispatcher(this.outbox, {
      attempt: (entry) => attemptSend(entry, { transport: this.transport, rest, ackTimeoutMs: options.sendTimeoutMs }),
      onStored: (entry, stored) => this.onSendStored(entry, stored),
      onRefused: (entry) => this.show(this.pendingMessage(entry)),
    });
    this.catchUp = new CatchUp({
      rest,
      store: this.store,
      cursor: this.cursor,
      onSummary: (summary) => this.applySummary(summary),
      onChange: (change) => this.applyChange(change),
      onMessages: (messages) => messages.filter((m) => this.applyStored(m, undefined, false, true)).length,
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
    for (const entry of await this.outbox.load()) this.show(this.pendingMessage(entry));
    // Without the list now, the first catch-up reads it.
    await this.catchUp.listConversations().catch(() => undefined);
    if (this.closed) return;
    await this.transport.start((socket) => this.bind(socket));
    this.dispatcher.kick();
  }

  close(): void {
    this.closed = true;
    this.transport.close();
    this.dispatcher.stop();
    this.catchUp.stop();
    this.typingIndicator.clear();
    for (const timer of this.gapChecks.values()) clearTimeout(timer);
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
    const entry: OutboxEntry = {
      clientMessageId: newClientMessageId(),
      conversationId,
      receiverId,
      content,
      createdAt: new Date().toISOString(),
      lane: this.laneOf(conversationId, receiverId),
      failure: null,
    };
    if (known) this.typingIndicator.stop(known);
    const message = this.pendingMessage(entry);
    this.show(message);
    // Sent once it is stored, so a crash in between cannot lose a message the server has.
    void this.outbox.add(entry).then(() => this.dispatcher.kick());
    return message;
  }

  /** Stored messages by position, then this client's unsent ones in send order. */
  messages(conversationId: string): readonly ChatMessage[] {
    const stored = this.store.log(conversationId)?.list() ?? [];
    const other = this.otherParticipantOf(conversationId);
    const pending = this.outbox
      .entries()
      .filter((e) => e.conversationId === conversationId || (e.conversationId === null && e.receiverId === other))
      .map((e) => this.pendingMessage(e));
    return pending.length === 0 ? stored : [...stored, ...pending];
  }

  /** Own messages not stored yet, pending or failed, in send order. */
  unsent(): readonly ChatMessage[] {
    return this.outbox.entries().map((e) => this.pendingMessage(e));
  }

  retry(key: string): boolean {
    const entry = this.outbox.get(key);
    if (!entry?.failure) return false;
    const again = this.outbox.update(key, { failure: null });
    if (again) this.show(this.pendingMessage(again));
    this.dispatcher.kick();
    return true;
  }

  discard(key: string): boolean {
    return this.outbox.get(key)?.failure ? this.outbox.remove(key) : false;
  }

  async openConversation(conversationId: string): Promise<readonly ChatMessage[]> {
    if (!this.store.conversation(conversationId)) {
      const data = await this.options.rest.call<ConversationData>('GET', conversationPath(conversationId));
      this.applySummary(data.conversation);
    }
    const log = this.store.ensureLog(conversationId, this.store.conversation(conversationId)?.lastMessage?.seq ?? 0);
    const page = await this.options.rest.call<HistoryData>('GET', `${conversationPath(conversationId)}/messages`, {
      query: { limit: PAGE },
    });
    for (const message of page.messages) this.applyStored(message, undefined, false, true);
    const first = page.messages[0];
    const last = page.messages[page.messages.length - 1];
    if (!page.hasMore) log.reachedStart(first?.seq);
    else if (first && last && last.seq >= log.floor) log.lowerFloor(first.seq - 1);
    if (log.hasHole) this.catchUp.request(conversationId);
    this.open.add(conversationId);
    this.transport.live()?.emit('join_room', { conversationId }, () => undefined);
    return this.messages(conversationId);
  }

  /** Loads the page before the oldest message held; false when the beginning is reached. */
  async loadOlder(conversationId: string, limit = PAGE): Promise<boolean> {
    const log = this.store.log(conversationId);
    if (!log || log.floor === 0) return false;
    const page = await this.options.rest.call<HistoryData>('GET', `${conversationPath(conversationId)}/messages`, {
      query: { before: log.floor + 1, limit },
    });
    for (const message of page.messages) this.applyStored(message, undefined, false, true);
    const first = page.messages[0];
    if (page.hasMore && first) log.lowerFloor(first.seq - 1);
    else log.reachedStart(first?.seq);
    return log.floor > 0;
  }

  closeConversation(conversationId: string): void {
    this.open.delete(conversationId);
    this.transport.live()?.emit('leave_room', { conversationId }, () => undefined);
  }

  async markRead(conversationId: string): Promise<number> {
    const data = await this.options.rest.call<MarkReadData>('PUT', `${conversationPath(conversationId)}/mark-read`);
    const { messages, conversation } = this.store.markRead(conversationId, new Date().toISOString());
    for (const message of messages) this.show(message);
    if (conversation) this.events.emit('conversation', conversation);
    return data.markedCount;
  }

  /** Adds (or with `added: false` takes back) this user's emoji on a stored message; idempotent. */
  async react(messageId: string, emoji: string, added: boolean): Promise<ChatMessage | null> {
    const path = `/api/messages/${encodeURIComponent(messageId)}/reactions/${encodeURIComponent(emoji)}`;
    const data = await this.options.rest.call<ReactionData>(added ? 'PUT' : 'DELETE', path);
    this.applyStored(data.message, undefined, false, true);
    return this.store.log(data.message.conversationId)?.get(messageId) ?? null;
  }

  typing(conversationId: string): void {
    if (this.transport.live()) this.typingIndicator.keystroke(conversationId);
  }

  // ---- the socket ----

  private bind(socket: ChatSocket): void {
    // Every change event carries its place in the change feed: the cursor moves on when it is the next one.
    socket.on('message_received', (payload, ack) => {
      this.applyStored(payload.message, payload.conversation, true);
      this.cursor.advance(payload.cursor);
      // The receipt: the sender sees `delivered`.
      ack?.({ received: true });
    });
    socket.on('message_sent', (payload) => {
      this.applyStored(payload.message, payload.conversation, true);
      this.cursor.advance(payload.cursor);
    });
    socket.on('message_delivered', ({ messageId, conversationId, deliveredAt, cursor }) => {
      this.patch(conversationId, messageId, { deliveredAt });
      this.cursor.advance(cursor);
    });
    socket.on('message_read', ({ messageId, conversationId, readAt, cursor }) => {
      if (!this.groups.read(conversationId, messageId, readAt)) this.patch(conversationId, messageId, { readAt });
      this.cursor.advance(cursor);
    });
    socket.on('message_edited', ({ message, cursor }) => {
      this.applyStored(message, undefined, true, true);
      this.cursor.advance(cursor);
    });
    socket.on('message_deleted', ({ messageId, conversationId, cursor }) => {
      this.patch(conversationId, messageId, { isDeleted: true, deletedAt: new Date().toISOString() });
      this.cursor.advance(cursor);
    });
    socket.on('message_reaction', ({ messageId, conversationId, emoji, userId, added, cursor }) => {
      // A count moves by one per change: applied only in feed order, so the next sync cannot apply it again.
      const place = this.cursor.advance(cursor);
      if (place === 'ahead') this.catchUp.request();
      if (place !== 'next' && place !== 'unknown') return;
      const held = this.store.log(conversationId)?.get(messageId);
      if (!held) return;
      this.patch(conversationId, messageId, {
        reactions: withReaction(held.reactions, emoji, userId === this.myId, added),
      });
    });
    socket.on('user_typing', (event) => this.events.emit('typing', { ...event }));
    socket.on('user_online', ({ userId }) => this.presence(userId, true, null));
    socket.on('user_offline', ({ userId, lastSeen }) => this.presence(userId, false, lastSeen));
    socket.on('resync', () => this.catchUp.request());
    socket.on('session_ended', ({ reason }) => this.options.onSessionEnded(reason));
    this.groups.bind(socket);
  }

  private onConnect(): void {
    for (const conversationId of this.open) {
      this.transport.live()?.emit('join_room', { conversationId }, () => undefined);
    }
    this.dispatcher.wake();
    this.catchUp.request();
  }

  private onConnectionState(state: ConnectionState): void {
    if (state !== 'online') this.typingIndicator.clear();
    this.options.onConnectionState(state);
  }

  // ---- keeping state ----

  /** A stored message from any path; true when it was new here. `checkGap`: not from a history page, which has none. */
  private applyStored(
    view: MessageView,
    conversation: ConversationView | undefined,
    checkGap: boolean,
    reactionsCurrent = false,
  ): boolean {
    const outcome = this.store.putMessage(view, conversation, reactionsCurrent);
    // Any sighting of an own message acknowledges its send, whichever path brought it.
    if (outcome.message.mine && view.clientMessageId) this.acknowledged(view.clientMessageId, view.conversationId);
    if (outcome.change !== 'unchanged') this.show(outcome.message);
    if (outcome.conversation) {
      this.events.emit('conversation', outcome.conversation);
      if (outcome.conversation.otherParticipant === null) void this.fetchDetails(view.conversationId);
    }
    if (checkGap) this.checkForGap(view.conversationId);
    return outcome.change === 'added';
  }

  /** A change from the feed; messages older than what is held (below the floor) stay unloaded. */
  private applyChange(change: ChangeView): number {
    const { message, conversation } = change.data;
    if (message) {
      const log = this.store.log(message.conversationId);
      if (log && !log.get(message.id) && message.seq <= log.floor) return 0;
      return this.applyStored(message, undefined, true, true) ? 1 : 0;
    }
    if (conversation) this.groups.applyChange(change);
    return 0;
  }

  private onSendStored(entry: OutboxEntry, { message, conversation, cursor }: StoredMessage): void {
    this.applyStored(message, conversation, true);
    // The sending socket gets no `message_sent` for it: the acknowledgement moves the change cursor on instead.
    this.cursor.advance(cursor);
    this.acknowledged(entry.clientMessageId, message.conversationId);
  }

  /** The send is stored: out of the outbox; later sends to the same user now know their conversation. */
  private acknowledged(clientMessageId: string, conversationId: string): void {
    const entry = this.outbox.get(clientMessageId);
    if (!entry) return;
    this.outbox.remove(clientMessageId);
    for (const other of this.outbox.entries()) {
      if (other.lane !== entry.lane || other.conversationId !== null) continue;
      const updated = this.outbox.update(other.clientMessageId, { conversationId });
      if (updated) this.show(this.pendingMessage(updated));
    }
  }

  private applySummary(summary: ConversationState): void {
    const before = this.store.conversation(summary.id);
    const after = this.store.applySummary(summary);
    if (!before || JSON.stringify(before) !== JSON.stringify(after)) this.events.emit('conversation', after);
  }

  private patch(conversationId: string, messageId: string, patch: MessagePatch): void {
    const changed = this.store.patch(conversationId, messageId, patch);
    if (!changed) return;
    this.show(changed);
    if (patch.isDeleted) {
      const conversation = this.store.conversation(conversationId);
      if (conversation?.lastMessage?.id === messageId) this.events.emit('conversation', conversation);
    }
  }

  private presence(userId: string, online: boolean, lastSeen: string | null): void {
    this.events.emit('presence', { userId, online, lastSeen });
    for (const conversation of this.store.setPresence(userId, online, lastSeen)) {
      this.events.emit('conversation', conversation);
    }
  }

  /** A conversation first seen in an event lacks the other participant: ask once. */
  private async fetchDetails(conversationId: string): Promise<void> {
    if (this.detailsAsked.has(conversationId)) return;
    this.detailsAsked.add(conversationId);
    try {
      const data = await this.options.rest.call<ConversationData>('GET', conversationPath(conversationId));
      if (!this.closed) this.applySummary(data.conversation);
    } catch {
      this.detailsAsked.delete(conversationId);
    }
  }

  private checkForGap(conversationId: string): void {
    if (!this.store.log(conversationId)?.hasHole || this.gapChecks.has(conversationId)) return;
    this.gapChecks.set(
      conversationId,
      setTimeout(() => {
        this.gapChecks.delete(conversationId);
        if (!this.closed && this.store.log(conversationId)?.hasHole) this.catchUp.request(conversationId);
      }, GAP_GRACE_MS),
    );
  }

  private show(message: ChatMessage): void {
    if (this.shown.has(message.key)) {
      this.events.emit('message_updated', message);
    } else {
      this.shown.add(message.key);
      this.events.emit('message', message);
    }
  }

  /** One lane per partner, so sends to them stay in order whether addressed by user or by conversation. */
  private laneOf(conversationId: string | null, receiverId: string | null): string {
    const partner = receiverId ?? (conversationId ? this.otherParticipantOf(conversationId) : undefined);
    return partner ? `user:${partner}` : `conversation:${conversationId}`;
  }

  private otherParticipantOf(conversationId: string): string | undefined {
    const state = this.store.conversation(conversationId);
    if (state?.kind === 'group') return undefined;
    return state?.otherParticipant?.id ?? state?.participants.find((id) => id !== this.myId);
  }

  private pendingMessage(entry: OutboxEntry): ChatMessage {
    const conversationId =
      entry.conversationId ?? (entry.receiverId ? this.store.conversationWith(entry.receiverId)?.id : undefined) ?? '';
    return {
      id: '',
      conversationId,
      seq: 0,
      senderId: this.myId,
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
