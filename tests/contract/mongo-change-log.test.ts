import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/adapters/mongo/collection-names.js';
import { MongoChangeLog } from '../../src/adapters/mongo/mongo-change-log.js';
import { connectMongo } from '../../src/adapters/mongo/mongo-connection.js';
import type { ChangeDraft } from '../../src/ports/change-log.js';
import { useService } from '../support/services/use-service.js';
import { describeChangeLogContract } from './change-log-contract.js';
import { useMongoTestDatabase } from './mongo-test-database.js';

const mongo = useService('mongo');
const database = await useMongoTestDatabase(mongo.url, 'changes');

describe.skipIf(mongo.skip)('MongoChangeLog', () => {
  if (!database) return;

  describeChangeLogContract('mongo', async () => new MongoChangeLog(await database.fresh()));

  it('numbers the changes of two processes recording one conversation 1 to 40 with no gap and no reuse', async () => {
    const db = await database.fresh();
    const other = await connectMongo(mongo.url!, db.databaseName);
    try {
      const processes = [new MongoChangeLog(db), new MongoChangeLog(other.db)];
      const conversationId = new ObjectId().toHexString();
      const draft = (i: number): ChangeDraft => ({
        key: `created:${i}`,
        type: 'message_created',
        messageId: new ObjectId().toHexString(),
        conversationId,
        at: new Date(),
      });
      const changes = await Promise.all(Array.from({ length: 40 }, (_, i) => processes[i % 2]!.record(draft(i))));
      const positions = changes.map((change) => change.pos).sort((a, b) => a - b);
      expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      const stored = await db.collection(COLLECTIONS.changes).find({ conversationId }).sort({ pos: 1 }).toArray();
      expect(stored.map((document) => document.pos)).toEqual(positions);
    } finally {
      await other.close();
    }
  });
});
