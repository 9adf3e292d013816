import { randomBytes } from 'node:crypto';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/adapters/mongo/collection-names.js';
import { connectMongo, type MongoConnection } from '../../src/adapters/mongo/mongo-connection.js';
import { MongoConversationRepository } from '../../src/adapters/mongo/mongo-conversation-repository.js';
import { ensureIndexes } from '../../src/adapters/mongo/mongo-indexes.js';
import { useService } from '../support/services/use-service.js';

const mongo = useService('mongo');

const ROUNDS = 8;
/** Calls each process makes at the same moment, in every round. */
const CALLS_PER_PROCESS = 2;

const newId = (): string => new ObjectId().toHexString();

/*
 * Two processes, as two repositories on connections of their own to one real
 * server: whatever each one read, the unique indexes leave one direct
 * conversation per pair and one membership per group and user, and exactly
 * one of the racing calls is told that it made the member.
 */
describe.skipIf(mongo.skip)('conversations and memberships written by two processes at once', () => {
  const connections: MongoConnection[] = [];
  let processes: MongoConversationRepository[];

  beforeAll(async () => {
    const name = `races_${randomBytes(4).toString('hex')}`;
    for (let i = 0; i < 2; i += 1) connections.push(await connectMongo(mongo.url as string, name));
    await ensureIndexes(connections[0]!.db);
    processes = connections.map((connection) => new MongoConversationRepository(connection.db));
  });

  afterAll(async () => {
    await connections[0]?.db.dropDatabase();
    await Promise.all(connections.map((connection) => connection.close()));
  });

  /** Every call of every process, started together. */
  const together = <T>(call: (process: MongoConversationRepository, index: number) => Promise<T>): Promise<T[]> =>
    Promise.all(Array.from({ length: 2 * CALLS_PER_PROCESS }, (_, index) => call(processes[index % 2]!, index)));

  it('leaves one direct conversation when both processes create the same pair’s at once', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const [alice, bob] = [`alice-${round}`, `bob-${round}`];
      const created = await together((process, index) =>
        index % 2 === 0
          ? process.findOrCreate(alice, bob, newId(), new Date())
          : process.findOrCreate(bob, alice, newId(), new Date()),
      );

      expect(new Set(created.map((conversation) => conversation.id)).size).toBe(1);
      const stored = await connections[0]!.db
        .collection(COLLECTIONS.conversations)
        .countDocuments({ participantKey: created[0]!.participantKey });
      expect(stored).toBe(1);
      for (const process of processes) {
        expect((await process.listForUser(alice, 1, 10)).conversations.map((c) => c.id)).toEqual([created[0]!.id]);
      }
    }
  });

  it('leaves one membership, and one call told it made the member, when both add the same user at once', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const group = await processes[round % 2]!.createGroup({
        id: newId(),
        title: `group ${round}`,
        ownerId: 'olga',
        memberIds: ['olga', 'amy', 'zack'],
        now: new Date(),
      });
      const newcomer = `bea-${round}`;
      const added = await together((process) => process.addMember(group.id, newcomer, round, new Date()));

      expect(added.filter(Boolean)).toHaveLength(1);
      const memberships = connections[1]!.db.collection(COLLECTIONS.memberships);
      expect(await memberships.countDocuments({ conversationId: group.id, userId: newcomer })).toBe(1);
      for (const process of processes) {
        expect((await process.findById(group.id))?.participants).toEqual(['olga', 'amy', 'zack', newcomer]);
      }
    }
  });
});
