import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/adapters/mongo/collection-names.js';
import { connectMongo } from '../../src/adapters/mongo/mongo-connection.js';
import { ensureIndexes } from '../../src/adapters/mongo/mongo-indexes.js';
import { useService } from '../support/services/use-service.js';

const mongo = useService('mongo');

describe.skipIf(mongo.skip)('ensureIndexes', () => {
  // Sparseness is proven by the message contract (two messages without a client id); FerretDB v1's listIndexes omits it.
  it('creates the unique indexes, and can run again at every start', async () => {
    const connection = await connectMongo(mongo.url as string, `indexes_${randomBytes(4).toString('hex')}`);
    try {
      await ensureIndexes(connection.db);
      await ensureIndexes(connection.db);

      const indexes = await connection.db.collection(COLLECTIONS.messages).listIndexes().toArray();
      expect(indexes.find((index) => index.name === 'sender_client_key_unique')).toMatchObject({
        key: { senderClientKey: 1 },
        unique: true,
      });
      const userIndexes = await connection.db.collection(COLLECTIONS.users).listIndexes().toArray();
      expect(userIndexes.filter((index) => index.unique).map((index) => index.key)).toEqual(
        expect.arrayContaining([{ email: 1 }, { usernameLower: 1 }]),
      );
    } finally {
      await connection.db.dropDatabase();
      await connection.close();
    }
  });

  it('replaces the unique participantKey index of before groups by a sparse one, so groups (without the key) fit', async () => {
    const connection = await connectMongo(mongo.url as string, `indexes_${randomBytes(4).toString('hex')}`);
    try {
      const conversations = connection.db.collection(COLLECTIONS.conversations);
      await conversations.createIndexes([{ key: { participantKey: 1 }, name: 'participant_key_unique', unique: true }]);
      await ensureIndexes(connection.db);

      const names = (await conversations.listIndexes().toArray()).map((index) => index.name);
      expect(names).toContain('participant_key_sparse_unique');
      expect(names).not.toContain('participant_key_unique');
      await conversations.insertMany([{ kind: 'group' }, { kind: 'group' }]);
      await conversations.insertOne({ participantKey: 'a:b' });
      await expect(conversations.insertOne({ participantKey: 'a:b' })).rejects.toMatchObject({ code: 11000 });
    } finally {
      await connection.db.dropDatabase();
      await connection.close();
    }
  });
});
