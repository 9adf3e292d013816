import type { Collection, Filter } from 'mongodb';
import type { RefreshSession } from '../../domain/session.js';
import type { SessionRepository } from '../../ports/session-repository.js';
import { ClaimTickets } from './claim-tickets.js';
import { COLLECTIONS } from './collection-names.js';
import { isDuplicateKeyError } from './duplicate-key-error.js';
import { decodeDocument } from './documents/decode-document.js';
import { SessionDocument, sessionFromDocument, sessionToDocument } from './documents/session-document.js';
import type { MongoDatabase } from './mongo-database.js';

/** Expiry is checked in every query: no TTL index is relied on (FerretDB v1 refuses them). */
export class MongoSessionRepository implements SessionRepository {
  private readonly tickets: ClaimTickets;

  constructor(private readonly db: MongoDatabase) {
    this.tickets = new ClaimTickets(db);
  }

  private get sessions(): Collection<SessionDocument> {
    return this.db.collection<SessionDocument>(COLLECTIONS.sessions);
  }

  async insert(session: RefreshSession): Promise<void> {
    try {
      await this.sessions.insertOne(sessionToDocument(session));
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async findByTokenHash(tokenHash: string): Promise<RefreshSession | null> {
    const document = await this.sessions.findOne({ tokenHash });
    return document ? this.decode(document) : null;
  }

  /** A token rotates once: the rotation ticket (its hash) is the lock, the conditional update the record. */
  async claimForRotation(tokenHash: string, now: Date): Promise<RefreshSession | null> {
    const live = { tokenHash, rotatedAt: null, revokedAt: null, expiresAt: { $gt: now } };
    const document = await this.sessions.findOne(live);
    if (!document || !(await this.tickets.take(`rotate:${tokenHash}`, now))) return null;
    const rotated = await this.sessions.updateOne(live, { $set: { rotatedAt: now } });
    return rotated.modifiedCount === 1 ? this.decode(document) : null;
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.sessions.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: now } });
  }

  async revokeAllForUser(userId: string, now: Date, exceptFamilyId?: string): Promise<string[]> {
    const mine = { userId, ...(exceptFamilyId === undefined ? {} : { familyId: { $ne: exceptFamilyId } }) };
    await this.sessions.updateMany({ ...mine, revokedAt: null }, { $set: { revokedAt: now } });
    return this.families({ ...mine, revokedAt: now });
  }

  listFamiliesRevokedSince(since: Date): Promise<string[]> {
    return this.families({ revokedAt: { $gte: since } });
  }

  private async families(filter: Filter<SessionDocument>): Promise<string[]> {
    const families: unknown[] = await this.sessions.distinct('familyId', filter);
    return families.filter((family): family is string => typeof family === 'string');
  }

  async isFamilyActive(familyId: string, now: Date): Promise<boolean> {
    const live = await this.sessions.countDocuments(
      { familyId, rotatedAt: null, revokedAt: null, expiresAt: { $gt: now } },
      { limit: 1 },
    );
    return live > 0;
  }

  private decode(document: unknown): RefreshSession {
    return sessionFromDocument(decodeDocument(SessionDocument, COLLECTIONS.sessions, document));
  }
}
