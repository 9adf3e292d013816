import type { Collection, Filter, UpdateFilter } from 'mongodb';
import { participantKeyOf, participantPair, type Conversation, type LastMessage } from '../../domain/conversation.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
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
import { requireObjectId, toObjectId } from './object-ids.js';

export class MongoConversationRepository implements ConversationRepository {
  constructor(private readonly db: MongoDatabase) {}

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
            participants: [participants[0], participants[1]],
            lastActivityAt: now,
            createdAt: now,
          },
        },
        { upsert: true, returnDocument: 'after' },
      );
      if (document) return this.decode(document);
    } catch (error) {
      // Real MongoDB may answer one of two racing upserts with 11000: the other one created it.
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await this.conversations.findOne({ participantKey });
    if (!existing) throw new Error(`conversation ${participantKey} neither created nor found`);
    return this.decode(existing);
  }

  async findById(id: string): Promise<Conversation | null> {
    const _id = toObjectId(id);
    return _id ? this.findOne({ _id }) : null;
  }

  findByParticipants(participantA: string, participantB: string): Promise<Conversation | null> {
    return this.findOne({ participantKey: participantKeyOf(participantA, participantB) });
  }

  async listForUser(
    userId: string,
    page: number,
    limit: number,
  ): Promise<{ conversations: Conversation[]; total: number }> {
    const filter: Filter<ConversationDocument> = { participants: userId };
    const [documents, total] = await Promise.all([
      this.conversations
        .find(filter)
        .sort({ lastActivityAt: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .toArray(),
      this.conversations.countDocuments(filter),
    ]);
    return { conversations: documents.map((document) => this.decode(document)), total };
  }

  async listIdsForUser(userId: string): Promise<string[]> {
    const documents = await this.conversations.find({ participants: userId }, { projection: { _id: 1 } }).toArray();
    return documents.map((document) => document._id.toHexString());
  }

  async listPartnerIds(userId: string): Promise<string[]> {
    const everyone: unknown[] = await this.conversations.distinct('participants', { participants: userId });
    return everyone.filter((id): id is string => typeof id === 'string' && id !== userId);
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
    return updated ? this.decode(updated) : this.findOne({ _id });
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

  private async updated(
    conversationId: string,
    update: UpdateFilter<ConversationDocument>,
  ): Promise<Conversation | null> {
    const _id = toObjectId(conversationId);
    if (!_id) return null;
    const document = await this.conversations.findOneAndUpdate({ _id }, update, { returnDocument: 'after' });
    return document ? this.decode(document) : null;
  }

  private async findOne(filter: Filter<ConversationDocument>): Promise<Conversation | null> {
    const document = await this.conversations.findOne(filter);
    return document ? this.decode(document) : null;
  }

  private decode(document: unknown): Conversation {
    return conversationFromDocument(decodeDocument(ConversationDocument, COLLECTIONS.conversations, document));
  }
}
