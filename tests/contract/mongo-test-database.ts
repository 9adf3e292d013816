import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import type { Db } from 'mongodb';
import { COLLECTIONS } from '../../src/adapters/mongo/collection-names.js';
import { connectMongo, type MongoConnection } from '../../src/adapters/mongo/mongo-connection.js';
import { ensureIndexes } from '../../src/adapters/mongo/mongo-indexes.js';

export interface MongoTestDatabase {
  /** Empties every collection (indexes stay) and returns the database, for a test of its own. */
  fresh(): Promise<Db>;
  readonly db: Db;
}

/**
 * A database of the suite's own on the shared server (unique name, indexes
 * made once), dropped after the suite. Call at the top level of a test file
 * with `await`; gives null when the suite is skipped (no server).
 */
export const useMongoTestDatabase = async (
  url: string | undefined,
  suite: string,
): Promise<MongoTestDatabase | null> => {
  if (url === undefined) return null;
  const connection: MongoConnection = await connectMongo(url, `contract_${suite}_${randomBytes(4).toString('hex')}`);
  await ensureIndexes(connection.db);
  afterAll(async () => {
    await connection.db.dropDatabase();
    await connection.close();
  });
  const { db } = connection;
  return {
    db,
    async fresh() {
      await Promise.all(Object.values(COLLECTIONS).map((name) => db.collection(name).deleteMany({})));
      return db;
    },
  };
};
