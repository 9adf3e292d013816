import type { Collection } from 'mongodb';
import { COLLECTIONS } from './collection-names.js';
import { isDuplicateKeyError } from './duplicate-key-error.js';
import type { MongoDatabase } from './mongo-database.js';

interface TicketDocument {
  _id: string;
  takenAt: Date;
}

/**
 * Exclusive claims resting on the one guarantee every MongoDB-compatible
 * server keeps under concurrency: of several inserts of one `_id`, exactly
 * one succeeds. (FerretDB v1 reads, then writes, in findOneAndUpdate, so two
 * concurrent conditional updates of one document can both succeed there.)
 */
export class ClaimTickets {
  constructor(private readonly db: MongoDatabase) {}

  private get tickets(): Collection<TicketDocument> {
    return this.db.collection<TicketDocument>(COLLECTIONS.claimTickets);
  }

  async has(key: string): Promise<boolean> {
    return (await this.tickets.countDocuments({ _id: key }, { limit: 1 })) > 0;
  }

  /** True for the one caller that takes `key` first. */
  async take(key: string, at: Date): Promise<boolean> {
    try {
      await this.tickets.insertOne({ _id: key, takenAt: at });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
