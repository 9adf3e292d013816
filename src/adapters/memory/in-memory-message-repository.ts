import type { Message, MessageDraft } from '../../domain/message.js';
import type {
  Delivered,
  DuplicateMessage,
  HistoryPage,
  HistoryQuery,
  MarkedRead,
  MessageRepository,
} from '../../ports/message-repository.js';

const copy = (message: Message): Message => ({
  ...message,
  createdAt: new Date(message.createdAt),
  deliveredAt: message.deliveredAt && new Date(message.deliveredAt),
  readAt: message.readAt && new Date(message.readAt),
  deletedAt: message.deletedAt && new Date(message.deletedAt),
  editedAt: message.editedAt && new Date(message.editedAt),
});

const clientKeyOf = (senderId: string, clientMessageId: string): string => `${senderId}:${clientMessageId}`;

export class InMemoryMessageRepository implements MessageRepository {
  private readonly messages = new Map<string, Message>();
  private readonly idsByConversation = new Map<string, string[]>();
  private readonly idByClientKey = new Map<string, string>();
  private readonly idByAutoMessageId = new Map<string, string>();
  /** Unread, undeleted direct message ids per receiver (a group's unread count comes from read positions). */
  private readonly unreadByReceiver = new Map<string, Set<string>>();

  async insert(draft: MessageDraft): Promise<Message | DuplicateMessage> {
    if (this.messages.has(draft.id)) throw new Error(`message ${draft.id} already exists`);
    const clientKey = draft.clientMessageId === null ? null : clientKeyOf(draft.senderId, draft.clientMessageId);
    const byClientKey = clientKey === null ? null : this.copyOf(this.idByClientKey.get(clientKey));
    if (byClientKey) return { duplicate: 'clientMessageId', original: byClientKey };
    const byAutoMessageId =
      draft.autoMessageId === null ? null : this.copyOf(this.idByAutoMessageId.get(draft.autoMessageId));
    if (byAutoMessageId) return { duplicate: 'autoMessageId', original: byAutoMessageId };
    const ids = this.idsByConversation.get(draft.conversationId) ?? [];
    const stored = copy({ ...draft, seq: ids.length + 1 });
    this.messages.set(stored.id, stored);
    if (clientKey !== null) this.idByClientKey.set(clientKey, stored.id);
    if (stored.autoMessageId !== null) this.idByAutoMessageId.set(stored.autoMessageId, stored.id);
    ids.push(stored.id);
    this.idsByConversation.set(stored.conversationId, ids);
    this.updateUnread(stored);
    return copy(stored);
  }

  async findById(id: string): Promise<Message | null> {
    return this.copyOf(id);
  }

  async findManyByIds(ids: readonly string[]): Promise<Message[]> {
    return [...new Set(ids)].flatMap((id) => this.copyOf(id) ?? []);
  }

  async findByClientMessageId(senderId: string, clientMessageId: string): Promise<Message | null> {
    return this.copyOf(this.idByClientKey.get(clientKeyOf(senderId, clientMessageId)));
  }

  async findByAutoMessageId(autoMessageId: string): Promise<Message | null> {
    return this.copyOf(this.idByAutoMessageId.get(autoMessageId));
  }

  async history(conversationId: string, query: HistoryQuery): Promise<HistoryPage> {
    const { before, after, limit, floor = 0 } = query;
    const ids = this.idsByConversation.get(conversationId) ?? [];
    // Position n sits at index n - 1; nothing at or below the floor exists for this reader.
    const first = Math.max(0, floor, after ?? 0);
    const end = before === undefined ? ids.length : Math.min(ids.length, Math.max(0, before - 1));
    let page: string[];
    let hasMore: boolean;
    if (after !== undefined) {
      page = ids.slice(first, Math.min(first + limit, end));
      hasMore = first + limit < end;
    } else {
      page = ids.slice(Math.max(first, end - limit), end);
      hasMore = end - limit > first;
    }
    return { messages: page.map((id) => copy(this.messages.get(id) as Message)), hasMore };
  }

  async markRead(messageId: string, readerId: string, at: Date): Promise<Message | null> {
    const message = this.messages.get(messageId);
    if (!message) return null;
    if (message.receiverId !== readerId || message.readAt !== null) return copy(message);
    return copy(this.replace({ ...message, readAt: new Date(at) }));
  }

  async markDelivered(messageId: string, at: Date): Promise<Delivered | null> {
    const message = this.messages.get(messageId);
    if (!message) return null;
    // A group message keeps deliveredAt null: delivery there is each member's position.
    if (message.deliveredAt !== null || message.receiverId === null) return { message: copy(message), marked: false };
    return { message: copy(this.replace({ ...message, deliveredAt: new Date(at) })), marked: true };
  }

  async markConversationRead(conversationId: string, readerId: string, at: Date): Promise<MarkedRead[]> {
    const marked: MarkedRead[] = [];
    for (const id of this.idsByConversation.get(conversationId) ?? []) {
      const message = this.messages.get(id) as Message;
      if (message.receiverId !== readerId || message.readAt !== null || message.deletedAt !== null) continue;
      this.replace({ ...message, readAt: new Date(at) });
      marked.push({ id, senderId: message.senderId });
    }
    return marked;
  }

  async edit(messageId: string, senderId: string, content: string, at: Date): Promise<Message | null> {
    const message = this.messages.get(messageId);
    if (!message) return null;
    if (message.senderId !== senderId || message.deletedAt !== null) return copy(message);
    return copy(this.replace({ ...message, content, editedAt: new Date(at) }));
  }

  async softDelete(messageId: string, senderId: string, at: Date): Promise<Message | null> {
    const message = this.messages.get(messageId);
    if (!message) return null;
    if (message.senderId !== senderId || message.deletedAt !== null) return copy(message);
    return copy(this.replace({ ...message, content: '', deletedAt: new Date(at) }));
  }

  async countUnreadByConversation(
    receiverId: string,
    conversationIds?: readonly string[],
  ): Promise<Map<string, number>> {
    const wanted = conversationIds && new Set(conversationIds);
    const counts = new Map<string, number>();
    for (const id of this.unreadByReceiver.get(receiverId) ?? []) {
      const { conversationId } = this.messages.get(id) as Message;
      if (wanted && !wanted.has(conversationId)) continue;
      counts.set(conversationId, (counts.get(conversationId) ?? 0) + 1);
    }
    return counts;
  }

  async countUnreadAfter(conversationId: string, readerId: string, afterSeq: number): Promise<number> {
    const ids = this.idsByConversation.get(conversationId) ?? [];
    return ids.slice(Math.max(0, afterSeq)).filter((id) => {
      const message = this.messages.get(id) as Message;
      return message.senderId !== readerId && message.deletedAt === null;
    }).length;
  }

  async countUnreadAfterEach(readerId: string, afterSeqs: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const [conversationId, afterSeq] of afterSeqs) {
      const count = await this.countUnreadAfter(conversationId, readerId, afterSeq);
      if (count > 0) counts.set(conversationId, count);
    }
    return counts;
  }

  private copyOf(id: string | undefined): Message | null {
    const message = id === undefined ? undefined : this.messages.get(id);
    return message ? copy(message) : null;
  }

  private replace(message: Message): Message {
    this.messages.set(message.id, message);
    this.updateUnread(message);
    return message;
  }

  private updateUnread(message: Message): void {
    if (message.receiverId === null) return;
    const unread = this.unreadByReceiver.get(message.receiverId) ?? new Set<string>();
    if (message.readAt === null && message.deletedAt === null) unread.add(message.id);
    else unread.delete(message.id);
    this.unreadByReceiver.set(message.receiverId, unread);
  }
}
