import type { Collection, MongoServerError } from 'mongodb';
import type { Change, ChangeDraft, ChangeLog, ChangesPage, Positions } from '../../ports/change-log.js';
import { COLLECTIONS } from './collection-names.js';
import { ChangeDocument, changeFromDocument, changeToDocument } from './documents/change-document.js';
import { decodeDocument } from './documents/decode-document.js';
import { duplicateKeyFields } from './duplicate-key-error.js';
import { insertAtNextPosition } from './insert-at-next-position.js';
import type { MongoDatabase } from './mongo-database.js';
import { PositionHints } from './position-hints.js';

export class MongoChangeLog implements ChangeLog {
  private readonly hints = new PositionHints();

  constructor(private readonly db: MongoDatabase) {}

  private get changes(): Collection<ChangeDocument> {
    return this.db.collection<ChangeDocument>(COLLECTIONS.changes);
  }

  /** Positions are taken as `insertAtNextPosition` explains: no hole, no reuse, on any server. */
  async record(draft: ChangeDraft): Promise<Change> {
    const result = await insertAtNextPosition<ChangeDocument, Change>({
      collection: this.changes,
      taken: this.hints.taken(draft.conversationId) ?? (await this.highestPos(draft.conversationId)),
      highestStored: () => this.highestPos(draft.conversationId),
      build: (pos) => changeToDocument({ ...draft, pos }),
      onDuplicate: (error, document) => this.duplicateOf(error, document),
      scope: `the changes of conversation ${draft.conversationId}`,
    });
    const change = 'stored' in result ? changeFromDocument(result.stored) : result.answer;
    this.hints.remember(change.conversationId, change.pos);
    return change;
  }

  async since(conversationIds: readonly string[], seen: Positions, limit: number): Promise<ChangesPage> {
    const ids = [...new Set(conversationIds)];
    if (ids.length === 0 || limit <= 0) return { changes: [], hasMore: ids.length > 0 && limit <= 0 };
    const documents = await this.changes
      .find({ $or: ids.map((conversationId) => ({ conversationId, pos: { $gt: seen.get(conversationId) ?? 0 } })) })
      .sort({ conversationId: 1, pos: 1 })
      .limit(limit + 1)
      .toArray();
    return {
      changes: documents.slice(0, limit).map((document) => this.decode(document)),
      hasMore: documents.length > limit,
    };
  }

  /** One indexed lookup per conversation: FerretDB v1 has no `$max` accumulator. */
  async latestPositions(conversationIds: readonly string[]): Promise<Map<string, number>> {
    const ids = [...new Set(conversationIds)];
    const highest = await Promise.all(ids.map((conversationId) => this.highestPos(conversationId)));
    return new Map(ids.flatMap((conversationId, index) => (highest[index] ? [[conversationId, highest[index]]] : [])));
  }

  async prune(before: Date): Promise<number> {
    const stale = await this.changes.distinct('conversationId', { at: { $lt: before } });
    let pruned = 0;
    for (const conversationId of stale) {
      const latest = await this.highestPos(conversationId);
      const result = await this.changes.deleteMany({ conversationId, at: { $lt: before }, pos: { $lt: latest } });
      pruned += result.deletedCount;
    }
    return pruned;
  }

  /** The key recorded already (answer it), or the position taken by another writer. */
  private async duplicateOf(error: MongoServerError, document: ChangeDocument): Promise<'position' | Change> {
    const fields = duplicateKeyFields(error);
    if (fields.length === 0 || fields.includes('_id')) {
      const earlier = await this.changes.findOne({ _id: document._id });
      if (earlier) return this.decode(earlier);
    }
    if (fields.includes('pos')) return 'position';
    if (
      fields.length === 0 &&
      (await this.changes.countDocuments(
        { conversationId: document.conversationId, pos: document.pos },
        { limit: 1 },
      )) > 0
    ) {
      return 'position';
    }
    throw error;
  }

  private async highestPos(conversationId: string): Promise<number> {
    const highest = await this.changes.findOne(
      { conversationId },
      { sort: { pos: -1 }, projection: { _id: 0, pos: 1 } },
    );
    return typeof highest?.pos === 'number' ? highest.pos : 0;
  }

  private decode(document: unknown): Change {
    return changeFromDocument(decodeDocument(ChangeDocument, COLLECTIONS.changes, document));
  }
}
