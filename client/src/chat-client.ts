import { AuthSession, forgetStoredLogin, LOGIN_KEY, renewStoredLogin, type IssuedTokens } from './auth-session.js';
import { ChatApiError } from './chat-api-error.js';
import type { ChatClientOptions } from './chat-client-options.js';
import { memoryStorage, type KeyValueStorage } from './key-value-storage.js';
import type { GroupActions } from './group-conversations.js';
import { LiveSession } from './live-session.js';
import type {
  ChatMessage,
  ClientEvents,
  ConnectionState,
  ConversationState,
  SendTarget,
  SessionEndReason,
  UserListItem,
  UserView,
} from './public-types.js';
import { RestClient } from './rest-client.js';
import type {
  AuthSessionData,
  LoginRequest,
  Pagination,
  RegisterRequest,
  UserListData,
  UserListQuery,
} from './rest-types.js';
import { TypedEmitter } from './typed-emitter.js';

const notLoggedIn = () => new ChatApiError(401, 'UNAUTHORIZED', 'Not logged in');

/**
 * A chat client for this server: login that renews itself, an outbox that
 * never loses or doubles a send, and a message list per conversation with
 * no gap and no repeat across reconnects. See README, "Client library".
 */
export class ChatClient {
  private readonly events = new TypedEmitter<ClientEvents>();
  private readonly rest: RestClient;
  private readonly storage: KeyValueStorage;
  private auth: AuthSession | null = null;
  private live: LiveSession | null = null;
  private state: ConnectionState = 'offline';
  /** The session this client is logging out of: the server's `session_ended` for it is no news. */
  private leaving: AuthSession | null = null;

  constructor(private readonly options: ChatClientOptions) {
    this.storage = options.storage ?? memoryStorage();
    const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.rest = new RestClient({
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      fetch: fetchImpl,
      timeoutMs: options.requestTimeoutMs ?? 15_000,
    });
  }

  get user(): UserView | null {
    return this.auth?.user ?? null;
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  on<E extends keyof ClientEvents>(event: E, listener: ClientEvents[E]): () => void {
    return this.events.on(event, listener);
  }

  async register(input: RegisterRequest): Promise<UserView> {
    const data = await this.rest.call<AuthSessionData>('POST', '/api/auth/register', { auth: false, body: input });
    await this.begin(data.user, data);
    return data.user;
  }

  async login(input: LoginRequest): Promise<UserView> {
    const data = await this.rest.call<AuthSessionData>('POST', '/api/auth/login', { auth: false, body: input });
    await this.begin(data.user, data);
    return data.user;
  }

  /**
   * Logs in again from the stored refresh token (a page reload): the user,
   * or null when there is no stored login or the server refuses it. When
   * the server cannot be reached, the client starts offline with the stored
   * user (unsent messages show, new ones queue) and renews the login once
   * it can; a refusal then comes as `session_ended`.
   */
  async resume(): Promise<UserView | null> {
    const renewed = await renewStoredLogin(this.rest, this.storage);
    if (!renewed) return null;
    await this.begin(renewed.user, renewed.tokens);
    return this.user;
  }

  /** Ends the session on the server (every session with `all`), disconnects and forgets the login; unsent messages stay stored for this user. */
  async logout(options: { all?: boolean } = {}): Promise<void> {
    const auth = this.auth;
    if (!auth) return;
    this.leaving = auth;
    try {
      await this.rest.call('POST', '/api/auth/logout', {
        body: options.all ? { all: true } : { refreshToken: auth.currentRefreshToken },
      });
    } catch {
      // Ended here all the same; the server lets the session expire.
    } finally {
      this.leaving = null;
    }
    if (this.auth === auth) this.teardown();
    await this.storage.remove(LOGIN_KEY);
  }

  /** Disconnects and stops every timer; the stored login and outbox stay (resume() picks them up). */
  close(): void {
    this.teardown();
  }

  async loadConversations(): Promise<ConversationState[]> {
    return this.session().loadConversations();
  }

  /** Newest activity first. */
  conversations(): ConversationState[] {
    return this.live?.store.conversations() ?? [];
  }

  /** Loads its latest page, joins its room (no notifications for it while open); the messages held. */
  openConversation(conversationId: string): Promise<readonly ChatMessage[]> {
    return this.session().openConversation(conversationId);
  }

  /** Loads the page before the oldest message held; false once the beginning is reached. */
  loadOlder(conversationId: string, limit?: number): Promise<boolean> {
    return this.session().loadOlder(conversationId, limit);
  }

  closeConversation(conversationId: string): void {
    this.live?.closeConversation(conversationId);
  }

  /** Stored messages by position, then this client's unsent ones in send order. */
  messages(conversationId: string): readonly ChatMessage[] {
    return this.live?.messages(conversationId) ?? [];
  }

  /** Own messages not stored yet (pending or failed), in send order. */
  unsent(): readonly ChatMessage[] {
    return this.live?.unsent() ?? [];
  }

  async listUsers(query: UserListQuery = {}): Promise<{ users: UserListItem[]; pagination: Pagination }> {
    this.session();
    return this.rest.call<UserListData>('GET', '/api/user/list', { query });
  }

  /** Queues a message (status `pending`) and returns it at once; it is sent, and retried, until stored. */
  send(target: SendTarget, content: string): ChatMessage {
    return this.session().send(target, content);
  }

  /** Sends a `failed` message again. */
  retry(key: string): boolean {
    return this.live?.retry(key) ?? false;
  }

  /** Drops a `failed` message from the outbox. */
  discard(key: string): boolean {
    return this.live?.discard(key) ?? false;
  }

  /** Marks every message of the conversation read (the sender gets read receipts); how many were marked. */
  markRead(conversationId: string): Promise<number> {
    return this.session().markRead(conversationId);
  }

  /** Reacts to a stored message with one emoji (👍, ❤️, 👩‍💻, …); both participants see it. Idempotent. */
  react(messageId: string, emoji: string): Promise<ChatMessage | null> {
    return this.session().react(messageId, emoji, true);
  }

  /** Takes this user's emoji back from a message. Idempotent. */
  unreact(messageId: string, emoji: string): Promise<ChatMessage | null> {
    return this.session().react(messageId, emoji, false);
  }

  /**
   * Groups: `create(participantIds, title?)` (one user and no title finds or
   * starts the direct conversation), and for a group's owner `rename`,
   * `addMembers`, `removeMember`; any member may `leave`.
   */
  get groups(): GroupActions {
    return this.session().groups;
  }

  /**
   * Whom the user blocks, oldest first: read at login, kept current by
   * `block` and `unblock`. In groups their messages are hidden here; a change
   * emits `conversation` for each group holding some (re-read `messages()`).
   */
  get blockedUserIds(): readonly string[] {
    return this.live?.blocked.ids ?? [];
  }

  /** Blocks a user (idempotent): they cannot write to this user directly, and their messages in groups are hidden. */
  block(userId: string): Promise<void> {
    return this.session().blocked.block(userId);
  }

  /** Lifts a block (idempotent): their messages in groups show again. */
  unblock(userId: string): Promise<void> {
    return this.session().blocked.unblock(userId);
  }

  /** Call on every keystroke: `typing_start` once (renewed while typing), `typing_stop` after 3 s idle or on send. */
  typing(conversationId: string): void {
    this.live?.typing(conversationId);
  }

  /** The user as the server has it now, and whom they block; on failure the stored copy will do, and the next connect asks again. */
  private async refreshUser(): Promise<void> {
    const { auth, live } = this;
    const me = await auth?.reread().catch(() => null);
    if (me && this.auth === auth) live?.blocked.reset(me.blockedUserIds);
  }

  private session(): LiveSession {
    if (!this.live) throw notLoggedIn();
    return this.live;
  }

  private async begin(user: UserView, tokens: IssuedTokens): Promise<void> {
    this.teardown();
    const auth = new AuthSession(
      {
        rest: this.rest,
        storage: this.storage,
        now: this.options.now ?? Date.now,
        marginMs: (this.options.refreshMarginSeconds ?? 30) * 1000,
        onEnded: (reason) => this.ended(auth, reason),
      },
      user,
      tokens,
    );
    this.auth = auth;
    this.rest.useTokens(auth);
    await auth.save();
    const live = new LiveSession({
      baseUrl: this.options.baseUrl,
      ...(this.options.socketPath ? { socketPath: this.options.socketPath } : {}),
      ...(this.options.WebSocket ? { webSocket: this.options.WebSocket } : {}),
      sendTimeoutMs: this.options.sendTimeoutMs ?? 10_000,
      storage: this.storage,
      rest: this.rest,
      auth,
      events: this.events,
      onConnectionState: (state) => {
        if (this.live !== live) return;
        this.setState(state);
        if (state === 'online' && !live.blocked.loaded) void this.refreshUser();
      },
      onSessionEnded: (reason) => this.endedByServer(auth, reason),
    });
    this.live = live;
    // Whom the user blocks is known before any message arrives (offline, at the first connect).
    if (tokens.accessToken !== '') await this.refreshUser();
    await live.start();
  }

  /** The server ended the session (logout elsewhere, revocation): log out here, and forget the login if it is still stored. */
  private endedByServer(auth: AuthSession, reason: SessionEndReason): void {
    if (this.auth !== auth || this.leaving === auth) return;
    const refreshToken = auth.currentRefreshToken;
    this.ended(auth, reason);
    void forgetStoredLogin(this.storage, refreshToken);
  }

  private ended(auth: AuthSession, reason: SessionEndReason): void {
    if (this.auth !== auth || this.leaving === auth) return;
    this.teardown();
    this.events.emit('session_ended', { reason });
  }

  private teardown(): void {
    this.live?.close();
    this.live = null;
    this.auth?.dispose();
    this.auth = null;
    this.rest.useTokens(null);
    this.setState('offline');
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.events.emit('connection', state);
  }
}
