import { participantKeyOf, participantPair, type Conversation, type LastMessage } from '../../domain/conversation.js';
import { founderJoinedAt, type Membership } from '../../domain/membership.js';
import type { ConversationRepository, NewGroup } from '../../ports/conversation-repository.js';
import { InMemoryMemberships } from './in-memory-memberships.js';

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
  participants: [...conversation.participants],
  lastMessage: conversation.lastMessage && copyLastMessage(conversation.lastMessage),
  lastActivityAt: new Date(conversation.lastActivityAt),
  createdAt: new Date(conversation.createdAt),
  mutes: Object.fromEntries(
    Object.entries(conversation.mutes).map(([userId, until]) => [userId, until && new Date(until)]),
  ),
});

const newestFirst = (a: Conversation, b: Conversation): number =>
  b.lastActivityAt.getTime() - a.lastActivityAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * One direct conversation per participant pair, like the unique participantKey
 * index. A group is stored without participants: they are its current
 * memberships, read at every load as the Mongo adapter does.
 */
export class InMemoryConversationRepository implements ConversationRepository {
  private readonly conversations = new Map<string, Conversation>();
  private readonly idByKey = new Map<string, string>();
  private readonly memberships = new InMemoryMemberships();

  async findOrCreate(participantA: string, participantB: string, newId: string, now: Date): Promise<Conversation> {
    const participantKey = participantKeyOf(participantA, participantB);
    const existing = this.byKey(participantKey);
    if (existing) return copy(existing);
    if (this.conversations.has(newId)) throw new Error(`conversation ${newId} already exists`);
    const created: Conversation = {
      id: newId,
      kind: 'direct',
      participants: participantPair(participantA, participantB),
      participantKey,
      title: null,
      ownerId: null,
      lastMessage: null,
      lastActivityAt: now,
      createdAt: now,
      mutes: {},
    };
    this.conversations.set(newId, copy(created));
    this.idByKey.set(participantKey, newId);
    return copy(created);
  }

  async createGroup({ id, title, ownerId, memberIds, now }: NewGroup): Promise<Conversation> {
    if (this.conversations.has(id)) throw new Error(`conversation ${id} already exists`);
    this.conversations.set(id, {
      id,
      kind: 'group',
      participants: [],
      participantKey: null,
      title,
      ownerId,
      lastMessage: null,
      lastActivityAt: new Date(now),
      createdAt: new Date(now),
      mutes: {},
    });
    for (const userId of [ownerId, ...memberIds])
      this.memberships.add(id, userId, 0, founderJoinedAt(userId, ownerId, now));
    return this.loaded(id) as Conversation;
  }

  async renameGroup(conversationId: string, title: string, at: Date): Promise<Conversation | null> {
    return this.updateGroup(conversationId, (group) => ({
      title,
      lastActivityAt: new Date(Math.max(group.lastActivityAt.getTime(), at.getTime())),
    }));
  }

  async setOwner(conversationId: string, ownerId: string): Promise<Conversation | null> {
    return this.updateGroup(conversationId, () => ({ ownerId }));
  }

  async membership(conversationId: string, userId: string): Promise<Membership | null> {
    return this.memberships.get(conversationId, userId);
  }

  async readPositions(userId: string, conversationIds?: readonly string[]): Promise<Map<string, number>> {
    const positions = new Map<string, number>();
    for (const conversationId of conversationIds ?? this.memberships.groupIdsOf(userId)) {
      const membership = await this.membership(conversationId, userId);
      if (membership && membership.leftAt === null) positions.set(conversationId, membership.readSeq);
    }
    return positions;
  }

  async activeMembers(conversationId: string): Promise<Membership[]> {
    return this.memberships.active(conversationId);
  }

  async addMember(conversationId: string, userId: string, joinedAfterSeq: number, at: Date): Promise<boolean> {
    return this.memberships.add(conversationId, userId, joinedAfterSeq, at);
  }

  async removeMember(conversationId: string, userId: string, at: Date): Promise<boolean> {
    return this.memberships.remove(conversationId, userId, at);
  }

  async advanceRead(conversationId: string, userId: string, seq: number): Promise<boolean> {
    return this.memberships.advance(conversationId, userId, 'readSeq', seq);
  }

  async advanceDelivered(conversationId: string, userId: string, seq: number): Promise<boolean> {
    return this.memberships.advance(conversationId, userId, 'deliveredSeq', seq);
  }

  async findById(id: string): Promise<Conversation | null> {
    return this.loaded(id);
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
    const conversations = mine.slice(start, start + limit).map((conversation) => this.withMembers(conversation));
    return { conversations, total: mine.length };
  }

  async listIdsForUser(userId: string): Promise<string[]> {
    return this.ofUser(userId).map((conversation) => conversation.id);
  }

  async listPartnerIds(userId: string): Promise<string[]> {
    const partners = new Set(
      this.ofUser(userId).flatMap((conversation) => this.withMembers(conversation).participants),
    );
    partners.delete(userId);
    return [...partners];
  }

  async recordLastMessage(conversationId: string, lastMessage: LastMessage): Promise<Conversation | null> {
    const current = this.conversations.get(conversationId);
    if (!current) return null;
    const isNewest = current.lastMessage === null || lastMessage.seq > current.lastMessage.seq;
    if (!isNewest) return this.withMembers(current);
    const next: Conversation = {
      ...current,
      lastMessage: copyLastMessage(lastMessage),
      lastActivityAt: new Date(lastMessage.createdAt),
    };
    this.conversations.set(conversationId, next);
    return this.withMembers(next);
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
    return this.withMembers(next);
  }

  async clearMute(conversationId: string, userId: string): Promise<Conversation | null> {
    const current = this.conversations.get(conversationId);
    if (!current) return null;
    const { [userId]: _ended, ...mutes } = current.mutes;
    const next = { ...current, mutes };
    this.conversations.set(conversationId, next);
    return this.withMembers(next);
  }

  private byKey(participantKey: string): Conversation | undefined {
    const id = this.idByKey.get(participantKey);
    return id === undefined ? undefined : this.conversations.get(id);
  }

  /** Direct conversations with the user and groups they are a current member of. */
  private ofUser(userId: string): Conversation[] {
    const direct = [...this.conversations.values()].filter((conversation) =>
      conversation.participants.includes(userId),
    );
    const groups = this.memberships.groupIdsOf(userId).flatMap((id) => this.conversations.get(id) ?? []);
    return [...direct, ...groups];
  }

  private loaded(id: string): Conversation | null {
    const conversation = this.conversations.get(id);
    return conversation ? this.withMembers(conversation) : null;
  }

  /** A copy; a group's participants are its current members, longest-standing first. */
  private withMembers(conversation: Conversation): Conversation {
    if (conversation.kind !== 'group') return copy(conversation);
    const participants = this.memberships.active(conversation.id).map((membership) => membership.userId);
    return copy({ ...conversation, participants });
  }

  private updateGroup(
    conversationId: string,
    changes: (group: Conversation) => Partial<Conversation>,
  ): Conversation | null {
    const current = this.conversations.get(conversationId);
    if (current?.kind !== 'group') return null;
    const next = { ...current, ...changes(current) };
    this.conversations.set(conversationId, next);
    return this.withMembers(next);
  }
}
