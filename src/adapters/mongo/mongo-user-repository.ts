import type { Collection, Filter, MongoServerError, ObjectId } from 'mongodb';
import { normaliseEmail, normaliseUsername, type User } from '../../domain/user.js';
import type { DuplicateKey, UserListQuery, UserPatch, UserRepository } from '../../ports/user-repository.js';
import { COLLECTIONS } from './collection-names.js';
import { decodeDocument } from './documents/decode-document.js';
import { UserDocument, userFromDocument, userToDocument } from './documents/user-document.js';
import { duplicateKeyFields, isDuplicateKeyError } from './duplicate-key-error.js';
import { escapeRegex } from './escape-regex.js';
import type { MongoDatabase } from './mongo-database.js';
import { toObjectId } from './object-ids.js';

export class MongoUserRepository implements UserRepository {
  constructor(private readonly db: MongoDatabase) {}

  private get users(): Collection<UserDocument> {
    return this.db.collection<UserDocument>(COLLECTIONS.users);
  }

  async insert(user: User): Promise<User | DuplicateKey> {
    const document = userToDocument({
      ...user,
      email: normaliseEmail(user.email),
      usernameLower: normaliseUsername(user.username),
    });
    try {
      await this.users.insertOne(document);
      return userFromDocument(document);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return this.duplicateOf(error, document.email, document.usernameLower, null);
    }
  }

  async findById(id: string): Promise<User | null> {
    const _id = toObjectId(id);
    return _id ? this.findOne({ _id }) : null;
  }

  async findByIds(ids: readonly string[]): Promise<User[]> {
    const objectIds = ids.map(toObjectId).filter((id): id is ObjectId => id !== null);
    if (objectIds.length === 0) return [];
    const documents = await this.users.find({ _id: { $in: objectIds } }).toArray();
    return documents.map((document) => this.decode(document));
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.findOne({ email: normaliseEmail(email) });
  }

  async list(query: UserListQuery): Promise<{ users: User[]; total: number }> {
    const filter: Filter<UserDocument> = query.search
      ? { usernameLower: { $regex: escapeRegex(normaliseUsername(query.search)) } }
      : {};
    const [documents, total] = await Promise.all([
      this.users
        .find(filter)
        .sort({ usernameLower: 1, _id: 1 })
        .skip((query.page - 1) * query.limit)
        .limit(query.limit)
        .toArray(),
      this.users.countDocuments(filter),
    ]);
    return { users: documents.map((document) => this.decode(document)), total };
  }

  count(): Promise<number> {
    return this.users.countDocuments({});
  }

  async listActiveIds(): Promise<string[]> {
    const documents = await this.users.find({ isActive: true }, { projection: { _id: 1 } }).toArray();
    return documents.map((document) => document._id.toHexString());
  }

  async update(id: string, patch: UserPatch, now: Date): Promise<User | DuplicateKey | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    const email = patch.email === undefined ? undefined : normaliseEmail(patch.email);
    const usernameLower = patch.username === undefined ? undefined : normaliseUsername(patch.username);
    const set = {
      ...(patch.username === undefined ? {} : { username: patch.username, usernameLower }),
      ...(email === undefined ? {} : { email }),
      updatedAt: now,
    };
    try {
      const document = await this.users.findOneAndUpdate({ _id }, { $set: set }, { returnDocument: 'after' });
      return document ? this.decode(document) : null;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return this.duplicateOf(error, email, usernameLower, _id);
    }
  }

  async setLastSeen(id: string, at: Date): Promise<void> {
    const _id = toObjectId(id);
    if (_id) await this.users.updateOne({ _id }, { $set: { lastSeen: at } });
  }

  private async findOne(filter: Filter<UserDocument>): Promise<User | null> {
    const document = await this.users.findOne(filter);
    return document ? this.decode(document) : null;
  }

  /** Which key collided: from the error when the server names it, else by looking for the other row. */
  private async duplicateOf(
    error: MongoServerError,
    email: string | undefined,
    usernameLower: string | undefined,
    self: ObjectId | null,
  ): Promise<DuplicateKey> {
    const fields = duplicateKeyFields(error);
    if (fields.includes('email')) return { duplicate: 'email' };
    if (fields.includes('usernameLower')) return { duplicate: 'username' };
    if (fields.length > 0) throw error;
    const notSelf = self ? { _id: { $ne: self } } : {};
    if (email !== undefined && (await this.users.countDocuments({ email, ...notSelf }, { limit: 1 })) > 0) {
      return { duplicate: 'email' };
    }
    if (
      usernameLower !== undefined &&
      (await this.users.countDocuments({ usernameLower, ...notSelf }, { limit: 1 })) > 0
    ) {
      return { duplicate: 'username' };
    }
    throw error;
  }

  private decode(document: unknown): User {
    return userFromDocument(decodeDocument(UserDocument, COLLECTIONS.users, document));
  }
}
