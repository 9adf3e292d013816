import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/adapters/mongo/collection-names.js';
import { MongoUserRepository } from '../../src/adapters/mongo/mongo-user-repository.js';
import { useService } from '../support/services/use-service.js';
import { useMongoTestDatabase } from './mongo-test-database.js';
import { describeUserRepositoryContract } from './user-repository-contract.js';

const mongo = useService('mongo');
const database = await useMongoTestDatabase(mongo.url, 'users');

describe.skipIf(mongo.skip)('MongoUserRepository', () => {
  if (!database) return;

  describeUserRepositoryContract('mongo', async () => new MongoUserRepository(await database.fresh()));

  it('rejects a stored document that does not decode, naming the collection, the id and the field', async () => {
    const db = await database.fresh();
    const _id = new ObjectId();
    await db.collection(COLLECTIONS.users).insertOne({ _id, username: 'broken', email: 42 });

    await expect(new MongoUserRepository(db).findById(_id.toHexString())).rejects.toThrow(
      new RegExp(`Malformed users document ${_id.toHexString()}: .*email: expected string, got a number`),
    );
  });

  it('stores the id as the ObjectId _id and no field the domain does not know', async () => {
    const db = await database.fresh();
    const id = new ObjectId().toHexString();
    const now = new Date();
    const user = {
      id,
      username: 'Alice',
      usernameLower: 'alice',
      email: 'alice@example.com',
      passwordHash: 'h',
      isActive: true,
      lastSeen: null,
      createdAt: now,
      updatedAt: now,
    };
    await new MongoUserRepository(db).insert({ ...user, extra: 'field' } as typeof user);

    const raw = await db.collection(COLLECTIONS.users).findOne({ _id: new ObjectId(id) });
    expect(raw && Object.keys(raw).sort()).toEqual([
      '_id',
      'createdAt',
      'email',
      'isActive',
      'lastSeen',
      'passwordHash',
      'updatedAt',
      'username',
      'usernameLower',
    ]);
  });
});
