import type { Collection, Filter, MongoServerError } from 'mongodb';
import type { Message, MessageDraft } from '../../domain/message.js';
import type {
  Delivered,
  DuplicateMessage,
  HistoryPage,
  HistoryQuery,
  MarkedRead,
  MessageRepository,
} from '../../ports/message-repository.js';
import { ClaimTickets } from './claim-tickets.js';
import { COLLECTIONS } from './collection-names.js';
import { decodeDocument } from './documents/decode-document.js';
import {
  MessageDocument,
  messageFromDocument,
  messageToDocument,
  senderClientKeyOf,
} from './documents/message-document.js';
import { duplicateKeyFields } from './duplicate-key-error.js';
import { insertAtNextPosition } from './insert-at-next-position.js';
import type { MongoDatabase } from './mongo-database.js';
import { toObjectId } from './object-ids.js';
import { PositionHints } from './position-hints.js';

const deletionTicket = (messageId: string): string => `deleted:${messageId}`;

export class MongoMessageRepository implements MessageRepository {
  private readonly tickets: ClaimTickets;
  private readonly hints = new PositionHints();

  constructor(private readonly db: MongoDatabase) {
    this.tickets = new ClaimTickets(db);
  }

  private get messages(): Collection<MessageDocument> {
    return this.db.collection<MessageDocument>(COLLECTIONS.messages);
  }

  /** Positions are taken as `insertAtNextPosition` explains: no hole, no reuse, on any server. */
  async insert(draft: MessageDraft, lastSeqHint?: number): Promise<Message | DuplicateMessage> {
    const { conversationId } = draft;
    const result = await insertAtNextPosition<MessageDocument, DuplicateMessage>({
      collection: this.messages,
      taken: this.hints.taken(conversationId, lastSeqHint) ?? (await this.highestSeq(conversationId)),
      highestStored: () => this.highestSeq(conversationId),
      build: (seq) => messageToDocument({ ...draft, seq }),
      onDuplicate: async (error, document) => {
        const duplicate = await this.duplicateOf(error, document);
        return duplicate === 'seq' ? 'position' : { duplicate, original: await this.originalOf(duplicate, document) };
      },
      scope: `conversation ${conversationId}`,
    });
    if ('answer' in result) return result.answer;
    const stored = messageFromDocument(result.stored);
    this.hints.remember(conversationId, stored.seq);
    return stored;
  }

  async findById(id: string): Promise<Message | null> {
    const _id = toObjectId(id);
    return _id ? this.findOne({ _id }) : null;
  }

  async findManyByIds(ids: readonly string[]): Promise<Message[]> {
    const objectIds = ids.flatMap((id) => toObjectId(id) ?? []);
    if (objectIds.length === 0) return [];
    const documents = await this.messages.find({ _id: { $in: objectIds } }).toArray();
    return documents.map((document) => this.decode(document));
  }

  findByClientMessageId(senderId: string, clientMessageId: string): Promise<Message | null> {
    return this.findOne({ senderClientKey: senderClientKeyOf(senderId, clientMessageId) });
  }

  findByAutoMessageId(autoMessageId: string): Promise<Message | null> {
    return this.findOne({ autoMessageId });
  }

  async history(conversationId: string, query: HistoryQuery): Promise<HistoryPage> {
    const { before, limit, floor } = query;
    // Nothing at or below the floor exists for this reader.
    const after = floor === undefined ? query.after : Math.max(floor, query.after ?? floor);
    const filter: Filter<MessageDocument> =
      before === undefined && after === undefined
        ? { conversationId }
        : {
            conversationId,
            seq: { ...(before === undefined ? {} : { $lt: before }), ...(after === undefined ? {} : { $gt: after }) },
          };
    // With `after` the page travels forward (oldest first); otherwise backward from the newest.
    const forward = query.after !== undefined;
    const documents = await this.messages
      .find(filter)
      .sort({ seq: forward ? 1 : -1 })
      .limit(limit + 1)
      .toArray();
    const page = documents.slice(0, limit).map((document) => this.decode(document));
    return { messages: forward ? page : page.reverse(), hasMore: documents.length > limit };
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

  async markDelivered(messageId: string, at: Date): Promise<Delivered | null> {
    const _id = toObjectId(messageId);
    if (!_id) return null;
    // A group message keeps deliveredAt null: delivery there is each member's position.
    const updated = await this.messages.findOneAndUpdate(
      { _id, deliveredAt: null, receiverId: { $ne: null } },
      { $set: { deliveredAt: at } },
      { returnDocument: 'after' },
    );
    if (updated) return { message: this.decode(updated), marked: true };
    const message = await this.findOne({ _id });
    return message && { message, marked: false };
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

  /**
   * On servers whose conditional updates are not atomic (FERRETDB.md) an edit
   * racing a delete can write back the content the delete erased. A delete
   * takes its ticket before it writes, and an edit looks for that ticket after
   * it writes and erases again: so whichever order the writes land in, a
   * deleted message ends deleted.
   */
  async edit(messageId: string, senderId: string, content: string, at: Date): Promise<Message | null> {
    const _id = toObjectId(messageId);
    if (!_id) return null;
    const updated = await this.messages.findOneAndUpdate(
      { _id, senderId, deletedAt: null },
      { $set: { content, editedAt: at } },
      { returnDocument: 'after' },
    );
    if (updated && (await this.tickets.has(deletionTicket(messageId)))) {
      await this.messages.updateOne({ _id }, { $set: { content: '', deletedAt: updated.deletedAt ?? at } });
      return this.findOne({ _id });
    }
    return updated ? this.decode(updated) : this.findOne({ _id });
  }

  async softDelete(messageId: string, senderId: string, at: Date): Promise<Message | null> {
    const _id = toObjectId(messageId);
    if (!_id) return null;
    const message = await this.findOne({ _id, senderId, deletedAt: null });
    if (message) await this.tickets.take(deletionTicket(messageId), at);
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
    return this.countByConversation({
      receiverId,
      readAt: null,
      deletedAt: null,
      ...(conversationIds ? { conversationId: { $in: [...conversationIds] } } : {}),
    });
  }

  /** One aggregate for all of them: each conversation above its own position. */
  async countUnreadAfterEach(readerId: string, afterSeqs: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    if (afterSeqs.size === 0) return new Map();
    return this.countByConversation({
      $or: [...afterSeqs].map(([conversationId, afterSeq]) => ({ conversationId, seq: { $gt: afterSeq } })),
      senderId: { $ne: readerId },
      deletedAt: null,
    });
  }

  countUnreadAfter(conversationId: string, readerId: string, afterSeq: number): Promise<number> {
    return this.messages.countDocuments({
      conversationId,
      seq: { $gt: afterSeq },
      senderId: { $ne: readerId },
      deletedAt: null,
    });
  }

  /** How many messages match, per conversation; conversations without any are absent. */
  private async countByConversation(match: Filter<MessageDocument>): Promise<Map<string, number>> {
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

  /** What collided: from the error when the server names it, else by looking. */
  private async duplicateOf(
    error: MongoServerError,
    document: MessageDocument,
  ): Promise<DuplicateMessage['duplicate'] | 'seq'> {
    const fields = duplicateKeyFields(error);
    if (fields.includes('senderClientKey')) return 'clientMessageId';
    if (fields.includes('autoMessageId')) return 'autoMessageId';
    if (fields.includes('seq')) return 'seq';
    if (fields.length > 0) throw error;
    const { senderClientKey, autoMessageId, conversationId, seq } = document;
    if (senderClientKey !== undefined && (await this.exists({ senderClientKey }))) return 'clientMessageId';
    if (autoMessageId !== undefined && (await this.exists({ autoMessageId }))) return 'autoMessageId';
    if (await this.exists({ conversationId, seq })) return 'seq';
    throw error;
  }

  private async originalOf(
    duplicate: DuplicateMessage['duplicate'],
    { senderClientKey, autoMessageId }: MessageDocument,
  ): Promise<Message> {
    const original = await this.findOne(duplicate === 'clientMessageId' ? { senderClientKey } : { autoMessageId });
    if (!original) throw new Error(`duplicate ${duplicate} reported but no original message found`);
    return original;
  }

  private async highestSeq(conversationId: string): Promise<number> {
    const highest = await this.messages.findOne(
      { conversationId },
      { sort: { seq: -1 }, projection: { _id: 0, seq: 1 } },
    );
    return typeof highest?.seq === 'number' ? highest.seq : 0;
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
