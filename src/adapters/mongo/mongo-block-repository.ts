import type { Collection } from 'mongodb';
import type { BlockRepository } from '../../ports/block-repository.js';
import { COLLECTIONS } from './collection-names.js';
import { blockKey, type BlockDocument } from './documents/block-document.js';
import { isDuplicateKeyError } from './duplicate-key-error.js';
import type { MongoDatabase } from './mongo-database.js';

/** A block is a document under a unique `_id` naming both users: blocking is an insert, atomic on every server. */
export class MongoBlockRepository implements BlockRepository {
  constructor(private readonly db: MongoDatabase) {}

  private get blocks(): Collection<BlockDocument> {
    return this.db.collection<BlockDocument>(COLLECTIONS.blocks);
  }

  async block(blockerId: string, blockedId: string, at: Date): Promise<boolean> {
    try {
      await this.blocks.insertOne({ _id: blockKey(blockerId, blockedId), blockerId, blockedId, at });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async unblock(blockerId: string, blockedId: string): Promise<boolean> {
    const result = await this.blocks.deleteOne({ _id: blockKey(blockerId, blockedId) });
    return result.deletedCount === 1;
  }

  async isBlocked(blockerId: string, blockedId: string): Promise<boolean> {
    return (await this.blocks.countDocuments({ _id: blockKey(blockerId, blockedId) }, { limit: 1 })) > 0;
  }

  async blockedBy(blockerId: string): Promise<string[]> {
    const documents = await this.blocks
      .find({ blockerId }, { projection: { _id: 0, blockedId: 1, at: 1 } })
      .sort({ at: 1, blockedId: 1 })
      .toArray();
    return documents.map((document) => document.blockedId);
  }

  async blockedEitherWay(userId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const keys = userIds.flatMap((other) => [blockKey(userId, other), blockKey(other, userId)]);
    const documents = await this.blocks
      .find({ _id: { $in: keys } }, { projection: { blockerId: 1, blockedId: 1 } })
      .toArray();
    return new Set(
      documents.map((document) => (document.blockerId === userId ? document.blockedId : document.blockerId)),
    );
  }
}
