import type { ConversationStore } from './conversation-store.js';
import type { ChatMessage, ClientEvents, ConversationState, ConversationView } from './public-types.js';
import type { RestClient } from './rest-client.js';
import type {
  ChangeView,
  ConversationChangeData,
  ConversationData,
  CreateConversationRequest,
  MembersAddedData,
} from './rest-types.js';
import type { ChatSocket } from './socket-transport.js';
import type { TypedEmitter } from './typed-emitter.js';

const conversationPath = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

/** What an application does with groups (`ChatClient.groups`). */
export type GroupActions = Pick<GroupConversations, 'create' | 'rename' | 'addMembers' | 'removeMember' | 'leave'>;

export interface GroupConversationsDeps {
  readonly rest: RestClient;
  readonly store: ConversationStore;
  readonly events: TypedEmitter<ClientEvents>;
  /** A live event's place in the change feed. */
  readonly advance: (cursor: string) => void;
  /** A message changed by a receipt: the application hears of it. */
  readonly show: (message: ChatMessage) => void;
  /** A direct conversation first seen without its other participant: ask the server once. */
  readonly fetchDetails: (conversationId: string) => void;
  /** The user is no longer in the conversation: its room is left too. */
  readonly onLeft: (conversationId: string) => void;
}

/**
 * Conversations whose members change: groups started, renamed, joined and
 * left, whether by this client's requests, by socket events or through the
 * change feed. A group the user left is forgotten here with its messages.
 */
export class GroupConversations {
  constructor(private readonly deps: GroupConversationsDeps) {}

  bind(socket: ChatSocket): void {
    socket.on('conversation_created', ({ conversation, cursor }) => this.live(cursor, () => this.adopt(conversation)));
    socket.on('conversation_updated', ({ conversation, cursor }) => this.live(cursor, () => this.adopt(conversation)));
    socket.on('member_added', ({ conversation, cursor }) => this.live(cursor, () => this.adopt(conversation)));
    socket.on('member_removed', ({ conversationId, userId, cursor }) =>
      this.live(cursor, () => this.removed(conversationId, userId)),
    );
  }

  /** A change of the feed that concerns a conversation itself (started, renamed, members). */
  applyChange(change: ChangeView): void {
    const { conversation, userId } = change.data;
    if (!conversation) return;
    if (change.type === 'member_removed' && userId === this.deps.store.myId) this.drop(conversation.id);
    else this.adopt(conversation);
  }

  /**
   * A read receipt in a group: the reader's read position moved up to the
   * message, so every own message up to it was read. False when the
   * conversation is not a group (the receipt is about that one message).
   */
  read(conversationId: string, messageId: string, readAt: string): boolean {
    const { store } = this.deps;
    if (store.conversation(conversationId)?.kind !== 'group') return false;
    const log = store.log(conversationId);
    const upTo = log?.get(messageId)?.seq;
    if (!log || upTo === undefined) return true;
    for (const message of log.list()) {
      if (message.seq > upTo) break;
      if (!message.mine || message.readAt !== null) continue;
      const patched = store.patch(conversationId, message.id, { readAt });
      if (patched) this.deps.show(patched);
    }
    return true;
  }

  async create(participantIds: readonly string[], title?: string): Promise<ConversationState> {
    const body: CreateConversationRequest = {
      participantIds: [...participantIds],
      ...(title === undefined ? {} : { title }),
    };
    const { conversation } = await this.deps.rest.call<ConversationChangeData>('POST', '/api/conversations', { body });
    if (conversation.kind === 'group' || this.deps.store.conversation(conversation.id)) return this.adopt(conversation);
    // A direct conversation new here: the server's summary brings the other participant and the unread count.
    const data = await this.deps.rest.call<ConversationData>('GET', conversationPath(conversation.id));
    return this.summary(data.conversation);
  }

  async rename(conversationId: string, title: string): Promise<ConversationState> {
    const path = conversationPath(conversationId);
    const { conversation } = await this.deps.rest.call<ConversationChangeData>('PUT', path, { body: { title } });
    return this.adopt(conversation);
  }

  async addMembers(
    conversationId: string,
    userIds: readonly string[],
  ): Promise<{ conversation: ConversationState; added: string[] }> {
    const path = `${conversationPath(conversationId)}/members`;
    const data = await this.deps.rest.call<MembersAddedData>('POST', path, { body: { userIds: [...userIds] } });
    return { conversation: this.adopt(data.conversation), added: data.added };
  }

  async removeMember(conversationId: string, userId: string): Promise<ConversationState> {
    const path = `${conversationPath(conversationId)}/members/${encodeURIComponent(userId)}`;
    const { conversation } = await this.deps.rest.call<ConversationChangeData>('DELETE', path);
    return this.adopt(conversation);
  }

  async leave(conversationId: string): Promise<void> {
    await this.deps.rest.call<ConversationChangeData>('DELETE', `${conversationPath(conversationId)}/members/me`);
    this.drop(conversationId);
  }

  /** The user is no longer in the conversation (left, removed, or the server no longer shows it): forgotten here. */
  drop(conversationId: string): void {
    if (!this.deps.store.forget(conversationId)) return;
    this.deps.onLeft(conversationId);
    this.deps.events.emit('conversation_left', { conversationId });
  }

  private live(cursor: string, apply: () => unknown): void {
    apply();
    this.deps.advance(cursor);
  }

  /** The conversation as the server shows it now: stored (new ones too) and told to the application when it changed. */
  private adopt(view: ConversationView): ConversationState {
    const { store, events } = this.deps;
    if (!store.conversation(view.id)) {
      const state = this.summary({
        ...view,
        participants: [...view.participants],
        otherParticipant: null,
        unreadCount: 0,
        muted: false,
        mutedUntil: null,
      });
      if (view.kind === 'direct') this.deps.fetchDetails(view.id);
      return state;
    }
    const changed = store.applyView(view);
    if (changed) events.emit('conversation', changed);
    return store.conversation(view.id)!;
  }

  private summary(summary: ConversationState): ConversationState {
    const state = this.deps.store.applySummary(summary);
    this.deps.events.emit('conversation', state);
    return state;
  }

  private removed(conversationId: string, userId: string): void {
    if (userId === this.deps.store.myId) {
      this.drop(conversationId);
      return;
    }
    const state = this.deps.store.conversation(conversationId);
    if (!state?.participants.includes(userId)) return;
    this.adopt({ ...state, participants: state.participants.filter((id) => id !== userId) });
  }
}
