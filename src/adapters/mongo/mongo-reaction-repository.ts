import type { Collection } from 'mongodb';
import type { Reaction } from '../../domain/reaction.js';
import type { AddReactionResult, ReactionRepository } from '../../ports/reaction-repository.js';
import { COLLECTIONS } from './collection-names.js';
import { decodeDocument } from './documents/decode-document.js';
import {
  ReactionDocument,
  reactionFromDocument,
  reactionKey,
  reactionToDocument,
} from './documents/reaction-document.js';
import { isDuplicateKeyError } from './duplicate-key-error.js';
import type { MongoDatabase } from './mongo-database.js';

export class MongoReactionRepository implements ReactionRepository {
  constructor(private readonly db: MongoDatabase) {}

  private get reactions(): Collection<ReactionDocument> {
    return this.db.collection<ReactionDocument>(COLLECTIONS.reactions);
  }

  /**
   * Each reaction is its own document under a unique `_id`, so adding one is
   * an insert, which is atomic on every server. The limit on different emoji
   * is checked before and again after the insert: when several new emoji
   * land at once and pass it, each one new to the message withdraws itself,
   * so the message never keeps more than `maxDistinct`.
   */
  async add(reaction: Reaction, maxDistinct: number): Promise<AddReactionResult> {
    const before = await this.distinctEmoji(reaction.messageId);
    const isNew = !before.includes(reaction.emoji);
    if (isNew && before.length >= maxDistinct) return 'full';
    const document = reactionToDocument(reaction);
    try {
      await this.reactions.insertOne(document);
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'present';
      throw error;
    }
    if (isNew && (await this.distinctEmoji(reaction.messageId)).length > maxDistinct) {
      await this.reactions.deleteOne({ _id: document._id });
      return 'full';
    }
    return 'added';
  }

  async remove(messageId: string, userId: string, emoji: string): Promise<boolean> {
    const result = await this.reactions.deleteOne({ _id: reactionKey(messageId, userId, emoji) });
    return result.deletedCount === 1;
  }

  async listFor(messageIds: readonly string[]): Promise<Reaction[]> {
    if (messageIds.length === 0) return [];
    const documents = await this.reactions
      .find({ messageId: { $in: [...new Set(messageIds)] } })
      .sort({ at: 1, _id: 1 })
      .toArray();
    return documents.map((document) =>
      reactionFromDocument(decodeDocument(ReactionDocument, COLLECTIONS.reactions, document)),
    );
  }

  private async distinctEmoji(messageId: string): Promise<string[]> {
    const emoji: unknown[] = await this.reactions.distinct('emoji', { messageId });
    return emoji.filter((value): value is string => typeof value === 'string');
  }
}
