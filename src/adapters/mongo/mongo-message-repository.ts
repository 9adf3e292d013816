import type { Collection, Db, Filter, MongoServerError } from 'mongodb';
import type { Message } from '../../domain/message.js';
import type {
  DuplicateMessage,
  HistoryPage,
  HistoryQuery,
  MarkedRead,
  MessageRepository,
} from '../../ports/message-repository.js';
import { COLLECTIONS } from './collection-names.js';
import { decodeDocument } from './documents/decode-document.js';
import {
  MessageDocument,
  messageFromDocument,
  messageToDocument,
  senderClientKeyOf,
} from './documents/message-document.js';
import { duplicateKeyFields, isDuplicateKeyError } from './duplicate-key-error.js';
import { toObjectId } from './object-ids.js';

export class MongoMessageRepository implements MessageRepository {
  private readonly messages: Collection<MessageDocument>;

  constructor(db: Db) {
    this.messages = db.collection<MessageDocument>(COLLECTIONS.messages);
  }

  async insert(message: Message): Promise<Message | DuplicateMessage> {
    const document = messageToDocument(message);
    try {
      await this.messages.insertOne(document);
      return messageFromDocument(document);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return this.duplicateOf(error, document);
    }
  }

  async findById(id: string): Promise<Message | null> {
    const _id = toObjectId(id);
    return _id ? this.findOne({ _id }) : null;
  }

  findByClientMessageId(senderId: string, clientMessageId: string): Promise<Message | null> {
    return this.findOne({ senderClientKey: senderClientKeyOf(senderId, clientMessageId) });
  }

  findByAutoMessageId(autoMessageId: string): Promise<Message | null> {
    return this.findOne({ autoMessageId });
  }

  async history(conversationId: string, query: HistoryQuery): Promise<HistoryPage> {
    const before = query.before === undefined ? undefined : toObjectId(query.before);
    const after = query.after === undefined ? undefined : toObjectId(query.after);
    if (before === null || after === null) return { messages: [], hasMore: false };
    const range = { ...(before ? { $lt: before } : {}), ...(after ? { $gt: after } : {}) };
    const filter: Filter<MessageDocument> = before || after ? { conversationId, _id: range } : { conversationId };
    // With `after` the page travels forward (oldest first); otherwise backward from the newest.
    const forward = after !== undefined;
    const documents = await this.messages
      .find(filter)
      .sort({ _id: forward ? 1 : -1 })
      .limit(query.limit + 1)
      .toArray();
    const page = documents.slice(0, query.limit).map((document) => this.decode(document));
    return { messages: forward ? page : page.reverse(), hasMore: documents.length > query.limit };
  }

  async markRead(messageId: string, readerId: string, at: Date): Promise<Message | null> {
    const _id = toObjectId(messageId);
    if (!_id) return null;
    const updated = await this.messages.findOneAndUpdate(
      { _id, receiverId: readerId, readAt: null },
      { $set: { readAt: at } },
      { returnDocument: 'after' },
    );
    return updated ? this.decode(updated) : this.findOne({ _id });
  }

  async markDelivered(messageId: string, at: Date): Promise<boolean> {
    const _id = toObjectId(messageId);
    if (!_id) return false;
    const result = await this.messages.updateOne({ _id, deliveredAt: null }, { $set: { deliveredAt: at } });
    return result.modifiedCount === 1;
  }

  async markConversationRead(conversationId: string, readerId: string, at: Date): Promise<MarkedRead[]> {
    const unread = { conversationId, receiverId: readerId, readAt: null, deletedAt: null };
    const candidates = await this.messages.find(unread, { projection: { _id: 1, senderId: 1 } }).toArray();
    if (candidates.length === 0) return [];
    const ids = candidates.map((candidate) => candidate._id);
    const result = await this.messages.updateMany({ ...unread, _id: { $in: ids } }, { $set: { readAt: at } });
    // Usually all of them; when a concurrent call marked some first, report only those stamped by this one.
    const marked =
      result.modifiedCount === candidates.length
        ? candidates
        : await this.messages
            .find({ _id: { $in: ids }, readAt: at }, { projection: { _id: 1, senderId: 1 } })
            .toArray();
    return marked.map((document) => ({ id: document._id.toHexString(), senderId: document.senderId }));
  }

  async softDelete(messageId: string, senderId: string, at: Date): Promise<Message | null> {
    const _id = toObjectId(messageId);
    if (!_id) return null;
    const updated = await this.messages.findOneAndUpdate(
      { _id, senderId, deletedAt: null },
      { $set: { deletedAt: at, content: '' } },
      { returnDocument: 'after' },
    );
    return updated ? this.decode(updated) : this.findOne({ _id });
  }

  async countUnreadByConversation(
    receiverId: string,
    conversationIds?: readonly string[],
  ): Promise<Map<string, number>> {
    if (conversationIds?.length === 0) return new Map();
    const match: Filter<MessageDocument> = {
      receiverId,
      readAt: null,
      deletedAt: null,
      ...(conversationIds ? { conversationId: { $in: [...conversationIds] } } : {}),
    };
    const groups = await this.messages
      .aggregate<{ _id: unknown; count: unknown }>([
        { $match: match },
        { $group: { _id: '$conversationId', count: { $sum: 1 } } },
      ])
      .toArray();
    const counts = new Map<string, number>();
    for (const group of groups) {
      if (typeof group._id !== 'string' || typeof group.count !== 'number') {
        throw new Error(`Malformed unread count group: ${JSON.stringify(group)}`);
      }
      counts.set(group._id, group.count);
    }
    return counts;
  }

  /** Which idempotency key collided: from the error when the server names it, else by looking. */
  private async duplicateOf(error: MongoServerError, document: MessageDocument): Promise<DuplicateMessage> {
    const fields = duplicateKeyFields(error);
    if (fields.includes('senderClientKey')) return { duplicate: 'clientMessageId' };
    if (fields.includes('autoMessageId')) return { duplicate: 'autoMessageId' };
    if (fields.length > 0) throw error;
    const { senderClientKey, autoMessageId } = document;
    if (senderClientKey !== undefined && (await this.exists({ senderClientKey }))) {
      return { duplicate: 'clientMessageId' };
    }
    if (autoMessageId !== undefined && (await this.exists({ autoMessageId }))) return { duplicate: 'autoMessageId' };
    throw error;
  }

  private async exists(filter: Filter<MessageDocument>): Promise<boolean> {
    return (await this.messages.countDocuments(filter, { limit: 1 })) > 0;
  }

  private async findOne(filter: Filter<MessageDocument>): Promise<Message | null> {
    const document = await this.messages.findOne(filter);
    return document ? this.decode(document) : null;
  }

  private decode(document: unknown): Message {
    return messageFromDocument(decodeDocument(MessageDocument, COLLECTIONS.messages, document));
  }
}
