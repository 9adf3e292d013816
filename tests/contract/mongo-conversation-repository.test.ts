import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/adapters/mongo/collection-names.js';
import { MongoConversationRepository } from '../../src/adapters/mongo/mongo-conversation-repository.js';
import { useService } from '../support/services/use-service.js';
import { describeConversationRepositoryContract } from './conversation-repository-contract.js';
import { describeGroupMembershipsContract } from './group-memberships-contract.js';
import { useMongoTestDatabase } from './mongo-test-database.js';

const mongo = useService('mongo');
const database = await useMongoTestDatabase(mongo.url, 'conversations');

describe.skipIf(mongo.skip)('MongoConversationRepository', () => {
  if (!database) return;
  describeConversationRepositoryContract('mongo', async () => new MongoConversationRepository(await database.fresh()));
  describeGroupMembershipsContract('mongo', async () => new MongoConversationRepository(await database.fresh()));

  it('reads a conversation stored before groups (no kind) as a direct one, and lists it', async () => {
    const db = await database.fresh();
    const _id = new ObjectId();
    const created = new Date('2024-05-01T10:00:00.000Z');
    await db.collection(COLLECTIONS.conversations).insertOne({
      _id,
      participants: ['amy', 'bob'],
      participantKey: 'amy:bob',
      lastActivityAt: created,
      createdAt: created,
    });
    const repository = new MongoConversationRepository(db);

    const expected = { id: _id.toHexString(), kind: 'direct', participantKey: 'amy:bob', title: null, ownerId: null };
    expect(await repository.findById(_id.toHexString())).toMatchObject(expected);
    expect(await repository.findOrCreate('bob', 'amy', new ObjectId().toHexString(), new Date())).toMatchObject(
      expected,
    );
    expect((await repository.listForUser('amy', 1, 10)).conversations).toMatchObject([expected]);
  });

  it('stores a group without participants or participantKey: its members live in memberships', async () => {
    const db = await database.fresh();
    const id = new ObjectId().toHexString();
    const repository = new MongoConversationRepository(db);
    const group = { title: 'T', ownerId: 'olga', memberIds: ['olga', 'amy', 'zack'], now: new Date() };
    await repository.createGroup({ ...group, id });
    await repository.createGroup({ ...group, id: new ObjectId().toHexString() });

    const raw = await db.collection(COLLECTIONS.conversations).findOne({ _id: new ObjectId(id) });
    expect(raw).toMatchObject({ kind: 'group', title: 'T', ownerId: 'olga' });
    expect(raw).not.toHaveProperty('participantKey');
    expect(raw).not.toHaveProperty('participants');
    expect(await db.collection(COLLECTIONS.memberships).countDocuments({ conversationId: id })).toBe(3);
  });
});
