import type { Collection, Filter, UpdateFilter } from 'mongodb';
import { participantKeyOf, participantPair, type Conversation, type LastMessage } from '../../domain/conversation.js';
import { founderJoinedAt, type Membership } from '../../domain/membership.js';
import type { ConversationRepository, NewGroup } from '../../ports/conversation-repository.js';
import { COLLECTIONS } from './collection-names.js';
import {
  ConversationDocument,
  conversationFromDocument,
  lastMessageToDocument,
  MUTED_UNTIL_UNMUTED,
} from './documents/conversation-document.js';
import { decodeDocument } from './documents/decode-document.js';
import { isDuplicateKeyError } from './duplicate-key-error.js';
import type { MongoDatabase } from './mongo-database.js';
import { MongoMemberships } from './mongo-memberships.js';
import { requireObjectId, toObjectId } from './object-ids.js';

/** The owner joins as the group is made and the others right after: the owner is the longest-standing. */
const foundersOf = ({ ownerId, memberIds, now }: NewGroup): { userId: string; joinedAt: Date }[] =>
  [...new Set([ownerId, ...memberIds])].map((userId) => ({
    userId,
    joinedAt: founderJoinedAt(userId, ownerId, now),
  }));

/**
 * Direct conversations carry their pair (`participants`, unique
 * `participantKey`); a group carries neither: its members are its memberships,
 * read with it at every load.
 */
export class MongoConversationRepository implements ConversationRepository {
  private readonly memberships: MongoMemberships;

  constructor(private readonly db: MongoDatabase) {
    this.memberships = new MongoMemberships(db);
  }

  private get conversations(): Collection<ConversationDocument> {
    return this.db.collection<ConversationDocument>(COLLECTIONS.conversations);
  }

  async findOrCreate(participantA: string, participantB: string, newId: string, now: Date): Promise<Conversation> {
    const participants = participantPair(participantA, participantB);
    const participantKey = participantKeyOf(participantA, participantB);
    try {
      const document = await this.conversations.findOneAndUpdate(
        { participantKey },
        {
          $setOnInsert: {
            _id: requireObjectId(newId),
            kind: 'direct',
            participants: [participants[0], participants[1]],
            lastActivityAt: now,
            createdAt: now,
          },
        },
        { upsert: true, returnDocument: 'after' },
      );
      if (document) return this.withMembers(document);
    } catch (error) {
      // Real MongoDB may answer one of two racing upserts with 11000: the other one created it.
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await this.conversations.findOne({ participantKey });
    if (!existing) throw new Error(`conversation ${participantKey} neither created nor found`);
    return this.withMembers(existing);
  }

  async createGroup(group: NewGroup): Promise<Conversation> {
    const { id, title, ownerId, now } = group;
    const document: ConversationDocument = {
      _id: requireObjectId(id),
      kind: 'group',
      title,
      ownerId,
      lastActivityAt: now,
      createdAt: now,
    };
    // The group first: memberships pointing at no conversation would list a group that cannot be read.
    await this.conversations.insertOne(document);
    const members = await this.memberships.insertFounders(id, foundersOf(group));
    return conversationFromDocument(
      document,
      members.map((member) => member.userId),
    );
  }

  async renameGroup(conversationId: string, title: string, at: Date): Promise<Conversation | null> {
    return this.updated(conversationId, { $set: { title }, $max: { lastActivityAt: at } }, true);
  }

  async setOwner(conversationId: string, ownerId: string): Promise<Conversation | null> {
    return this.updated(conversationId, { $set: { ownerId } }, true);
  }

  membership(conversationId: string, userId: string): Promise<Membership | null> {
    return this.memberships.get(conversationId, userId);
  }

  readPositions(userId: string, conversationIds?: readonly string[]): Promise<Map<string, number>> {
    return this.memberships.readPositions(userId, conversationIds);
  }

  activeMembers(conversationId: string): Promise<Membership[]> {
    return this.memberships.active(conversationId);
  }

  addMember(conversationId: string, userId: string, joinedAfterSeq: number, at: Date): Promise<boolean> {
    return this.memberships.add(conversationId, userId, joinedAfterSeq, at);
  }

  removeMember(conversationId: string, userId: string, at: Date): Promise<boolean> {
    return this.memberships.remove(conversationId, userId, at);
  }

  advanceRead(conversationId: string, userId: string, seq: number): Promise<boolean> {
    return this.memberships.advance(conversationId, userId, 'readSeq', seq);
  }

  advanceDelivered(conversationId: string, userId: string, seq: number): Promise<boolean> {
    return this.memberships.advance(conversationId, userId, 'deliveredSeq', seq);
  }

  /** The conversation and (should it be a group) its members, read at once. */
  async findById(id: string): Promise<Conversation | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    const [document, members] = await Promise.all([this.conversations.findOne({ _id }), this.memberships.active(id)]);
    return document
      ? conversationFromDocument(
          this.decode(document),
          members.map((member) => member.userId),
        )
      : null;
  }

  findByParticipants(participantA: string, participantB: string): Promise<Conversation | null> {
    return this.findOne({ participantKey: participantKeyOf(participantA, participantB) });
  }

  /** Direct conversations by participant or groups by current membership, in one sorted query. */
  async listForUser(
    userId: string,
    page: number,
    limit: number,
  ): Promise<{ conversations: Conversation[]; total: number }> {
    const filter = this.ofUser(userId, await this.memberships.groupIdsOf(userId));
    const [documents, total] = await Promise.all([
      this.conversations
        .find(filter)
        .sort({ lastActivityAt: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .toArray(),
      this.conversations.countDocuments(filter),
    ]);
    return { conversations: await this.withMembersOfEach(documents), total };
  }

  async listIdsForUser(userId: string): Promise<string[]> {
    const [direct, groupIds] = await Promise.all([
      this.conversations.find({ participants: userId }, { projection: { _id: 1 } }).toArray(),
      this.memberships.groupIdsOf(userId),
    ]);
    return [...direct.map((document) => document._id.toHexString()), ...groupIds];
  }

  async listPartnerIds(userId: string): Promise<string[]> {
    const [direct, groupMembers] = await Promise.all([
      this.conversations.distinct('participants', { participants: userId }) as Promise<unknown[]>,
      this.memberships.groupIdsOf(userId).then((groupIds) => this.memberships.memberIdsOf(groupIds)),
    ]);
    const everyone = new Set([...direct, ...groupMembers]);
    everyone.delete(userId);
    return [...everyone].filter((id): id is string => typeof id === 'string');
  }

  async recordLastMessage(conversationId: string, lastMessage: LastMessage): Promise<Conversation | null> {
    const _id = toObjectId(conversationId);
    if (!_id) return null;
    const updated = await this.conversations.findOneAndUpdate(
      // `lastMessage: null` also matches a document without the field.
      { _id, $or: [{ lastMessage: null }, { 'lastMessage.seq': { $lt: lastMessage.seq } }] },
      { $set: { lastMessage: lastMessageToDocument(lastMessage), lastActivityAt: lastMessage.createdAt } },
      { returnDocument: 'after' },
    );
    return updated ? this.withMembers(updated) : this.findById(conversationId);
  }

  async recordLastMessageEdit(conversationId: string, messageId: string, preview: string): Promise<boolean> {
    const _id = toObjectId(conversationId);
    if (!_id) return false;
    const result = await this.conversations.updateOne(
      { _id, 'lastMessage.id': messageId, 'lastMessage.isDeleted': false },
      { $set: { 'lastMessage.preview': preview } },
    );
    return result.matchedCount === 1;
  }

  async markLastMessageDeleted(conversationId: string, messageId: string): Promise<boolean> {
    const _id = toObjectId(conversationId);
    if (!_id) return false;
    const result = await this.conversations.updateOne(
      { _id, 'lastMessage.id': messageId },
      { $set: { 'lastMessage.isDeleted': true, 'lastMessage.preview': '' } },
    );
    return result.matchedCount === 1;
  }

  async setMute(conversationId: string, userId: string, until: Date | null): Promise<Conversation | null> {
    return this.updated(conversationId, { $set: { [`mutes.${userId}`]: until ?? MUTED_UNTIL_UNMUTED } });
  }

  async clearMute(conversationId: string, userId: string): Promise<Conversation | null> {
    return this.updated(conversationId, { $unset: { [`mutes.${userId}`]: '' } });
  }

  /** The conversation after the update; null when absent (or, with `onlyGroup`, not a group). */
  private async updated(
    conversationId: string,
    update: UpdateFilter<ConversationDocument>,
    onlyGroup = false,
  ): Promise<Conversation | null> {
    const _id = toObjectId(conversationId);
    if (!_id) return null;
    const filter: Filter<ConversationDocument> = onlyGroup ? { _id, kind: 'group' } : { _id };
    const document = await this.conversations.findOneAndUpdate(filter, update, { returnDocument: 'after' });
    return document ? this.withMembers(document) : null;
  }

  private ofUser(userId: string, groupIds: readonly string[]): Filter<ConversationDocument> {
    const groups = groupIds.flatMap((id) => toObjectId(id) ?? []);
    return groups.length === 0
      ? { participants: userId }
      : { $or: [{ participants: userId }, { _id: { $in: groups } }] };
  }

  private async findOne(filter: Filter<ConversationDocument>): Promise<Conversation | null> {
    const document = await this.conversations.findOne(filter);
    return document ? this.withMembers(document) : null;
  }

  /** Decodes a stored conversation; a group's current members are read for it. */
  private async withMembers(document: unknown): Promise<Conversation> {
    const decoded = this.decode(document);
    const members = decoded.kind === 'group' ? await this.memberships.active(decoded._id.toHexString()) : [];
    return conversationFromDocument(
      decoded,
      members.map((member) => member.userId),
    );
  }

  private async withMembersOfEach(documents: readonly unknown[]): Promise<Conversation[]> {
    const decoded = documents.map((document) => this.decode(document));
    const groupIds = decoded.flatMap((document) => (document.kind === 'group' ? [document._id.toHexString()] : []));
    const members = await this.memberships.activeIdsOf(groupIds);
    return decoded.map((document) => conversationFromDocument(document, members.get(document._id.toHexString()) ?? []));
  }

  private decode(document: unknown): ConversationDocument {
    return decodeDocument(ConversationDocument, COLLECTIONS.conversations, document);
  }
}
