import { participantKeyOf, participantPair, type Conversation, type LastMessage } from '../../domain/conversation.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';

const copyLastMessage = (lastMessage: LastMessage): LastMessage => ({
  id: lastMessage.id,
  seq: lastMessage.seq,
  senderId: lastMessage.senderId,
  preview: lastMessage.preview,
  messageType: lastMessage.messageType,
  createdAt: new Date(lastMessage.createdAt),
  isDeleted: lastMessage.isDeleted,
});

const copy = (conversation: Conversation): Conversation => ({
  ...conversation,
  participants: [conversation.participants[0], conversation.participants[1]],
  lastMessage: conversation.lastMessage && copyLastMessage(conversation.lastMessage),
  lastActivityAt: new Date(conversation.lastActivityAt),
  createdAt: new Date(conversation.createdAt),
  mutes: Object.fromEntries(
    Object.entries(conversation.mutes).map(([userId, until]) => [userId, until && new Date(until)]),
  ),
});

const newestFirst = (a: Conversation, b: Conversation): number =>
  b.lastActivityAt.getTime() - a.lastActivityAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** One conversation per participant pair, like the unique participantKey index. */
export class InMemoryConversationRepository implements ConversationRepository {
  private readonly conversations = new Map<string, Conversation>();
  private readonly idByKey = new Map<string, string>();

  async findOrCreate(participantA: string, participantB: string, newId: string, now: Date): Promise<Conversation> {
    const participantKey = participantKeyOf(participantA, participantB);
    const existing = this.byKey(participantKey);
    if (existing) return copy(existing);
    if (this.conversations.has(newId)) throw new Error(`conversation ${newId} already exists`);
    const created: Conversation = {
      id: newId,
      participants: participantPair(participantA, participantB),
      participantKey,
      lastMessage: null,
      lastActivityAt: now,
      createdAt: now,
      mutes: {},
    };
    this.conversations.set(newId, copy(created));
    this.idByKey.set(participantKey, newId);
    return copy(created);
  }

  async findById(id: string): Promise<Conversation | null> {
    const conversation = this.conversations.get(id);
    return conversation ? copy(conversation) : null;
  }

  async findByParticipants(participantA: string, participantB: string): Promise<Conversation | null> {
    const conversation = this.byKey(participantKeyOf(participantA, participantB));
    return conversation ? copy(conversation) : null;
  }

  async listForUser(
    userId: string,
    page: number,
    limit: number,
  ): Promise<{ conversations: Conversation[]; total: number }> {
    const mine = this.ofUser(userId).sort(newestFirst);
    const start = (page - 1) * limit;
    return { conversations: mine.slice(start, start + limit).map(copy), total: mine.length };
  }

  async listIdsForUser(userId: string): Promise<string[]> {
    return this.ofUser(userId).map((conversation) => conversation.id);
  }

  async listPartnerIds(userId: string): Promise<string[]> {
    const partners = new Set(this.ofUser(userId).flatMap((conversation) => conversation.participants));
    partners.delete(userId);
    return [...partners];
  }

  async recordLastMessage(conversationId: string, lastMessage: LastMessage): Promise<Conversation | null> {
    const current = this.conversations.get(conversationId);
    if (!current) return null;
    const isNewest = current.lastMessage === null || lastMessage.seq > current.lastMessage.seq;
    if (!isNewest) return copy(current);
    const next: Conversation = {
      ...current,
      lastMessage: copyLastMessage(lastMessage),
      lastActivityAt: new Date(lastMessage.createdAt),
    };
    this.conversations.set(conversationId, next);
    return copy(next);
  }

  async recordLastMessageEdit(conversationId: string, messageId: string, preview: string): Promise<boolean> {
    const current = this.conversations.get(conversationId);
    if (current?.lastMessage?.id !== messageId || current.lastMessage.isDeleted) return false;
    this.conversations.set(conversationId, { ...current, lastMessage: { ...current.lastMessage, preview } });
    return true;
  }

  async markLastMessageDeleted(conversationId: string, messageId: string): Promise<boolean> {
    const current = this.conversations.get(conversationId);
    if (current?.lastMessage?.id !== messageId) return false;
    this.conversations.set(conversationId, {
      ...current,
      lastMessage: { ...current.lastMessage, preview: '', isDeleted: true },
    });
    return true;
  }

  async setMute(conversationId: string, userId: string, until: Date | null): Promise<Conversation | null> {
    const current = this.conversations.get(conversationId);
    if (!current) return null;
    const next = { ...current, mutes: { ...current.mutes, [userId]: until && new Date(until) } };
    this.conversations.set(conversationId, next);
    return copy(next);
  }

  async clearMute(conversationId: string, userId: string): Promise<Conversation | null> {
    const current = this.conversations.get(conversationId);
    if (!current) return null;
    const { [userId]: _ended, ...mutes } = current.mutes;
    const next = { ...current, mutes };
    this.conversations.set(conversationId, next);
    return copy(next);
  }

  private byKey(participantKey: string): Conversation | undefined {
    const id = this.idByKey.get(participantKey);
    return id === undefined ? undefined : this.conversations.get(id);
  }

  private ofUser(userId: string): Conversation[] {
    return [...this.conversations.values()].filter((conversation) => conversation.participants.includes(userId));
  }
}
