import { MongoBulkWriteError, type Collection, type ObjectId } from 'mongodb';
import type { AutoMessage, AutoMessagePlan, AutoMessageStatus } from '../../domain/auto-message.js';
import type { AutoMessageRepository } from '../../ports/auto-message-repository.js';
import { ClaimTickets } from './claim-tickets.js';
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
import { OPERATOR_READ } from './mongo-connection.js';
import type { MongoDatabase } from './mongo-database.js';
import { toObjectId } from './object-ids.js';

const DUPLICATE_KEY = 11000;
/** Claims lost to other schedulers in one call before it yields; the next run carries on. */
const MAX_CLAIM_ATTEMPTS = 100;
const STATUSES: readonly AutoMessageStatus[] = ['planned', 'queued', 'sent', 'dead'];

export class MongoAutoMessageRepository implements AutoMessageRepository {
  private readonly tickets: ClaimTickets;

  constructor(private readonly db: MongoDatabase) {
    this.tickets = new ClaimTickets(db);
  }
  private get items(): Collection<AutoMessageDocument> {
    return this.db.collection<AutoMessageDocument>(COLLECTIONS.autoMessages);
  }

  private get plans(): Collection<AutoMessagePlanDocument> {
    return this.db.collection<AutoMessagePlanDocument>(COLLECTIONS.autoMessagePlans);
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

  async listByPlanDay(day: string): Promise<AutoMessage[]> {
    const documents = await this.items.find({ planDay: day }).sort({ sendAt: 1, _id: 1 }).toArray();
    return documents.map((document) => this.decode(document));
  }

  async findById(id: string): Promise<AutoMessage | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    const document = await this.items.findOne({ _id });
    return document ? this.decode(document) : null;
  }

  /**
   * Each claim of an item takes the ticket `<id>:<claims so far>`, so of two
   * schedulers only one claims it, on any server; the loser moves on to the
   * next due item. The counter (`claims`) lives only in the document.
   */
  async claimNextDue(now: Date, leaseUntil: Date): Promise<AutoMessage | null> {
    const due = {
      $or: [
        { status: 'planned' as const, sendAt: { $lte: now } },
        { status: 'queued' as const, leaseUntil: { $lte: now } },
      ],
    };
    const lost: ObjectId[] = [];
    for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt += 1) {
      const candidate = await this.items.findOne<{ _id: ObjectId; claims?: number }>(
        lost.length > 0 ? { ...due, _id: { $nin: lost } } : due,
        { sort: { sendAt: 1, _id: 1 }, projection: { _id: 1, claims: 1 } },
      );
      if (!candidate) return null;
      lost.push(candidate._id);
      if (!(await this.tickets.take(`auto:${candidate._id.toHexString()}:${candidate.claims ?? 0}`, now))) continue;
      const claimed = await this.items.findOneAndUpdate(
        { _id: candidate._id, ...due },
        { $set: { status: 'queued', queuedAt: now, leaseUntil }, $inc: { claims: 1 } },
        { returnDocument: 'after' },
      );
      if (claimed) return this.decode(claimed);
      // Sent or re-leased meanwhile: spend the ticket so its next claim takes a fresh one.
      await this.items.updateOne({ _id: candidate._id }, { $inc: { claims: 1 } });
    }
    return null;
  }

  /**
   * The winner is whoever takes the item's "sent" ticket (a conditional
   * update alone can have several winners on FerretDB). A loser still writes
   * the status, in case the winner died between its ticket and its write.
   */
  async markSent(id: string, messageId: string, at: Date): Promise<boolean> {
    const _id = toObjectId(id);
    if (!_id) return false;
    const sent = { $set: { status: 'sent' as const, messageId, sentAt: at, leaseUntil: null } };
    if (await this.tickets.take(`sent:${id}`, at)) {
      return (await this.items.updateOne({ _id }, sent)).matchedCount === 1;
    }
    await this.items.updateOne({ _id, status: { $ne: 'sent' } }, sent);
    return false;
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

  /** One indexed count per status (a `$group` would read every item ever planned); an operator read. */
  async countByStatus(): Promise<Record<AutoMessageStatus, number>> {
    const counts = await Promise.all(STATUSES.map((status) => this.items.countDocuments({ status }, OPERATOR_READ)));
    return Object.fromEntries(STATUSES.map((status, i) => [status, counts[i]])) as Record<AutoMessageStatus, number>;
  }

  private decode(document: unknown): AutoMessage {
    return autoMessageFromDocument(decodeDocument(AutoMessageDocument, COLLECTIONS.autoMessages, document));
  }

  private decodePlan(document: unknown): AutoMessagePlan {
    return planFromDocument(decodeDocument(AutoMessagePlanDocument, COLLECTIONS.autoMessagePlans, document));
  }
}
