import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/adapters/mongo/collection-names.js';
import { MongoMessageRepository } from '../../src/adapters/mongo/mongo-message-repository.js';
import type { Message } from '../../src/domain/message.js';
import { useService } from '../support/services/use-service.js';
import { describeMessageRepositoryContract } from './message-repository-contract.js';
import { useMongoTestDatabase } from './mongo-test-database.js';

const mongo = useService('mongo');
const database = await useMongoTestDatabase(mongo.url, 'messages');

const aMessage = (overrides: Partial<Message> = {}): Message => ({
  id: new ObjectId().toHexString(),
  conversationId: new ObjectId().toHexString(),
  senderId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
  receiverId: 'bbbbbbbbbbbbbbbbbbbbbbbb',
  content: 'hello',
  messageType: 'text',
  clientMessageId: null,
  autoMessageId: null,
  createdAt: new Date(),
  deliveredAt: null,
  readAt: null,
  deletedAt: null,
  ...overrides,
});

describe.skipIf(mongo.skip)('MongoMessageRepository', () => {
  if (!database) return;

  describeMessageRepositoryContract('mongo', async () => new MongoMessageRepository(await database.fresh()));

  it('stores the unique keys only when set (their sparse indexes skip documents without them)', async () => {
    const db = await database.fresh();
    const repository = new MongoMessageRepository(db);
    const plain = aMessage();
    const keyed = aMessage({ clientMessageId: 'c-1', autoMessageId: new ObjectId().toHexString() });
    await repository.insert(plain);
    await repository.insert(keyed);

    const messages = db.collection(COLLECTIONS.messages);
    const rawPlain = await messages.findOne({ _id: new ObjectId(plain.id) });
    expect(rawPlain).not.toHaveProperty('senderClientKey');
    expect(rawPlain).not.toHaveProperty('autoMessageId');
    expect(await messages.findOne({ _id: new ObjectId(keyed.id) })).toMatchObject({
      senderClientKey: `${keyed.senderId}:c-1`,
      autoMessageId: keyed.autoMessageId,
    });
  });

  it('rejects a stored document that does not decode, naming the collection, the id and the field', async () => {
    const db = await database.fresh();
    const message = aMessage();
    await new MongoMessageRepository(db).insert(message);
    await db
      .collection(COLLECTIONS.messages)
      .updateOne({ _id: new ObjectId(message.id) }, { $set: { readAt: 'soon' } });

    await expect(new MongoMessageRepository(db).findById(message.id)).rejects.toThrow(
      `Malformed messages document ${message.id}: readAt: expected (Date | null), got a string`,
    );
  });
});
