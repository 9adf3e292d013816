import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/adapters/mongo/collection-names.js';
import { MongoMessageRepository } from '../../src/adapters/mongo/mongo-message-repository.js';
import { connectMongo } from '../../src/adapters/mongo/mongo-connection.js';
import type { MessageDraft } from '../../src/domain/message.js';
import { useService } from '../support/services/use-service.js';
import { describeGroupMessagesContract } from './group-messages-contract.js';
import { describeMessageRepositoryContract } from './message-repository-contract.js';
import { useMongoTestDatabase } from './mongo-test-database.js';

const mongo = useService('mongo');
const database = await useMongoTestDatabase(mongo.url, 'messages');

const aMessage = (overrides: Partial<MessageDraft> = {}): MessageDraft => ({
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
  editedAt: null,
  ...overrides,
});

describe.skipIf(mongo.skip)('MongoMessageRepository', () => {
  if (!database) return;

  describeMessageRepositoryContract('mongo', async () => new MongoMessageRepository(await database.fresh()));
  describeGroupMessagesContract('mongo', async () => new MongoMessageRepository(await database.fresh()));

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

  it('numbers the messages of two processes writing one conversation 1 to 40 with no gap and no reuse', async () => {
    const db = await database.fresh();
    const other = await connectMongo(mongo.url!, db.databaseName);
    try {
      const processes = [new MongoMessageRepository(db), new MongoMessageRepository(other.db)];
      const conversationId = new ObjectId().toHexString();
      // Every writer starts from the same stale hint, as after a burst of sends on both processes.
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => processes[i % 2]!.insert(aMessage({ conversationId }), 0)),
      );
      const positions = results.map((result) => ('seq' in result ? result.seq : 0)).sort((a, b) => a - b);
      expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      const stored = await db.collection(COLLECTIONS.messages).find({ conversationId }).sort({ seq: 1 }).toArray();
      expect(stored.map((document) => document.seq)).toEqual(positions);
    } finally {
      await other.close();
    }
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
