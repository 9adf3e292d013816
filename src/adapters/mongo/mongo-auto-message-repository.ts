import { MongoBulkWriteError, type Collection, type Db } from 'mongodb';
import type { AutoMessage, AutoMessagePlan, AutoMessageStatus } from '../../domain/auto-message.js';
import type { AutoMessageRepository } from '../../ports/auto-message-repository.js';
import { COLLECTIONS } from './collection-names.js';
import {
  AutoMessageDocument,
  autoMessageFromDocument,
  autoMessageToDocument,
} from './documents/auto-message-document.js';
import {
  AutoMessagePlanDocument,
  planFromDocument,
  planPairsToDocument,
} from './documents/auto-message-plan-document.js';
import { decodeDocument } from './documents/decode-document.js';
import { isDuplicateKeyError } from './duplicate-key-error.js';
import { toObjectId } from './object-ids.js';

const DUPLICATE_KEY = 11000;
const STATUSES: readonly AutoMessageStatus[] = ['planned', 'queued', 'sent', 'dead'];

export class MongoAutoMessageRepository implements AutoMessageRepository {
  private readonly items: Collection<AutoMessageDocument>;
  private readonly plans: Collection<AutoMessagePlanDocument>;

  constructor(db: Db) {
    this.items = db.collection<AutoMessageDocument>(COLLECTIONS.autoMessages);
    this.plans = db.collection<AutoMessagePlanDocument>(COLLECTIONS.autoMessagePlans);
  }

  async savePlanIfAbsent(plan: AutoMessagePlan): Promise<AutoMessagePlan> {
    try {
      const stored = await this.plans.findOneAndUpdate(
        { _id: plan.day },
        { $setOnInsert: { pairs: planPairsToDocument(plan), createdAt: plan.createdAt } },
        { upsert: true, returnDocument: 'after' },
      );
      if (stored) return this.decodePlan(stored);
    } catch (error) {
      // Real MongoDB may answer one of two racing upserts with 11000: the other one stored its plan.
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await this.plans.findOne({ _id: plan.day });
    if (!existing) throw new Error(`auto-message plan ${plan.day} neither stored nor found`);
    return this.decodePlan(existing);
  }

  async insertMany(items: readonly AutoMessage[]): Promise<number> {
    if (items.length === 0) return 0;
    try {
      const result = await this.items.insertMany(items.map(autoMessageToDocument), { ordered: false });
      return result.insertedCount;
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
      if (writeErrors.some((writeError) => writeError.code !== DUPLICATE_KEY)) throw error;
      return error.insertedCount;
    }
  }

  async findById(id: string): Promise<AutoMessage | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    const document = await this.items.findOne({ _id });
    return document ? this.decode(document) : null;
  }

  async claimNextDue(now: Date, leaseUntil: Date): Promise<AutoMessage | null> {
    const document = await this.items.findOneAndUpdate(
      {
        $or: [
          { status: 'planned', sendAt: { $lte: now } },
          { status: 'queued', leaseUntil: { $lte: now } },
        ],
      },
      { $set: { status: 'queued', queuedAt: now, leaseUntil } },
      { sort: { sendAt: 1, _id: 1 }, returnDocument: 'after' },
    );
    return document ? this.decode(document) : null;
  }

  async markSent(id: string, messageId: string, at: Date): Promise<boolean> {
    const _id = toObjectId(id);
    if (!_id) return false;
    const result = await this.items.updateOne(
      { _id, status: { $ne: 'sent' } },
      { $set: { status: 'sent', messageId, sentAt: at, leaseUntil: null } },
    );
    return result.modifiedCount === 1;
  }

  async recordFailure(id: string, error: string, retryCount: number, leaseUntil: Date): Promise<void> {
    const _id = toObjectId(id);
    if (!_id) return;
    // A sent item stays clean: a late failure report from a duplicate delivery changes nothing.
    await this.items.updateOne(
      { _id, status: { $ne: 'sent' } },
      { $set: { lastError: error, retryCount, leaseUntil } },
    );
  }

  async markDead(id: string, error: string, retryCount: number): Promise<void> {
    const _id = toObjectId(id);
    if (!_id) return;
    await this.items.updateOne(
      { _id, status: { $ne: 'sent' } },
      { $set: { status: 'dead', lastError: error, retryCount } },
    );
  }

  async countByStatus(): Promise<Record<AutoMessageStatus, number>> {
    const groups = await this.items
      .aggregate<{ _id: unknown; count: unknown }>([{ $group: { _id: '$status', count: { $sum: 1 } } }])
      .toArray();
    const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<AutoMessageStatus, number>;
    for (const group of groups) {
      const status = STATUSES.find((candidate) => candidate === group._id);
      if (!status || typeof group.count !== 'number') {
        throw new Error(`Malformed auto-message status group: ${JSON.stringify(group)}`);
      }
      counts[status] = group.count;
    }
    return counts;
  }

  private decode(document: unknown): AutoMessage {
    return autoMessageFromDocument(decodeDocument(AutoMessageDocument, COLLECTIONS.autoMessages, document));
  }

  private decodePlan(document: unknown): AutoMessagePlan {
    return planFromDocument(decodeDocument(AutoMessagePlanDocument, COLLECTIONS.autoMessagePlans, document));
  }
}
