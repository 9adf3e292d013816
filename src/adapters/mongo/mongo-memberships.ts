import { ObjectId, type Collection, type Filter } from 'mongodb';
import { longestStanding, type Membership } from '../../domain/membership.js';
import { COLLECTIONS } from './collection-names.js';
import { decodeDocument } from './documents/decode-document.js';
import { MembershipDocument, membershipFromDocument } from './documents/membership-document.js';
import { isDuplicateKeyError } from './duplicate-key-error.js';
import type { MongoDatabase } from './mongo-database.js';

const current = { leftAt: null };

const fresh = (joinedAfterSeq: number, at: Date) => ({
  joinedAt: at,
  joinedAfterSeq,
  leftAt: null,
  readSeq: joinedAfterSeq,
  deliveredSeq: joinedAfterSeq,
});

/**
 * Group memberships, unique per (conversationId, userId). Who becomes a member
 * is decided by that unique insert, which has one winner on every server.
 * Coming back after leaving, leaving, and moving a position are conditional
 * updates: exact on MongoDB, while FerretDB v1 (FERRETDB.md) may let two racing
 * callers both report success, with the same end state.
 */
export class MongoMemberships {
  constructor(private readonly db: MongoDatabase) {}

  private get memberships(): Collection<MembershipDocument> {
    return this.db.collection<MembershipDocument>(COLLECTIONS.memberships);
  }

  async get(conversationId: string, userId: string): Promise<Membership | null> {
    const document = await this.memberships.findOne({ conversationId, userId });
    return document ? this.decode(document) : null;
  }

  /** Current members, longest-standing first. */
  async active(conversationId: string): Promise<Membership[]> {
    const documents = await this.memberships.find({ conversationId, ...current }).toArray();
    return documents.map((document) => this.decode(document)).sort(longestStanding);
  }

  /** Per group, its current members' ids, longest-standing first (groups without any are absent). */
  async activeIdsOf(conversationIds: readonly string[]): Promise<Map<string, string[]>> {
    if (conversationIds.length === 0) return new Map();
    const documents = await this.memberships
      .find({ conversationId: { $in: [...conversationIds] }, ...current })
      .toArray();
    const members = new Map<string, string[]>();
    for (const membership of documents.map((document) => this.decode(document)).sort(longestStanding)) {
      members.set(membership.conversationId, [...(members.get(membership.conversationId) ?? []), membership.userId]);
    }
    return members;
  }

  /** The user's read position in each of these groups they are a current member of. */
  async readPositions(userId: string, conversationIds?: readonly string[]): Promise<Map<string, number>> {
    if (conversationIds?.length === 0) return new Map();
    const among = conversationIds ? { conversationId: { $in: [...conversationIds] } } : {};
    const documents = await this.memberships.find({ userId, ...among, ...current }).toArray();
    return new Map(documents.map((document) => this.decode(document)).map((m) => [m.conversationId, m.readSeq]));
  }

  /** Ids of the groups the user is a current member of. */
  async groupIdsOf(userId: string): Promise<string[]> {
    const documents = await this.memberships
      .find({ userId, ...current }, { projection: { _id: 0, conversationId: 1 } })
      .toArray();
    return documents.map((document) => document.conversationId);
  }

  /** Ids of the current members of these groups. */
  async memberIdsOf(conversationIds: readonly string[]): Promise<string[]> {
    if (conversationIds.length === 0) return [];
    const ids: unknown[] = await this.memberships.distinct('userId', {
      conversationId: { $in: [...conversationIds] },
      ...current,
    });
    return ids.filter((id): id is string => typeof id === 'string');
  }

  /** The founding members of a new group, joined at position 0, each at their own time; longest-standing first. */
  async insertFounders(
    conversationId: string,
    founders: readonly { userId: string; joinedAt: Date }[],
  ): Promise<Membership[]> {
    const documents = founders.map(({ userId, joinedAt }) => ({
      _id: new ObjectId(),
      conversationId,
      userId,
      ...fresh(0, joinedAt),
    }));
    await this.memberships.insertMany(documents);
    return documents.map(membershipFromDocument).sort(longestStanding);
  }

  async add(conversationId: string, userId: string, joinedAfterSeq: number, at: Date): Promise<boolean> {
    try {
      await this.memberships.insertOne({ _id: new ObjectId(), conversationId, userId, ...fresh(joinedAfterSeq, at) });
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    // A member already (nothing to do), or one who left: coming back reactivates the same membership.
    const result = await this.memberships.updateOne(
      { conversationId, userId, leftAt: { $ne: null } },
      { $set: fresh(joinedAfterSeq, at) },
    );
    return result.modifiedCount === 1;
  }

  async remove(conversationId: string, userId: string, at: Date): Promise<boolean> {
    const result = await this.memberships.updateOne({ conversationId, userId, ...current }, { $set: { leftAt: at } });
    return result.modifiedCount === 1;
  }

  async advance(
    conversationId: string,
    userId: string,
    field: 'readSeq' | 'deliveredSeq',
    seq: number,
  ): Promise<boolean> {
    const filter: Filter<MembershipDocument> = { conversationId, userId, ...current, [field]: { $lt: seq } };
    const result = await this.memberships.updateOne(filter, { $set: { [field]: seq } });
    return result.modifiedCount === 1;
  }

  private decode(document: unknown): Membership {
    return membershipFromDocument(decodeDocument(MembershipDocument, COLLECTIONS.memberships, document));
  }
}
