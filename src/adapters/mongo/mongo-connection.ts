import { MongoClient, type Db, type MongoClientOptions } from 'mongodb';

export interface MongoConnection {
  readonly client: MongoClient;
  readonly db: Db;
  close(): Promise<void>;
}

/** Connects and checks the server answers; `dbName` defaults to the one in the URI. */
export const connectMongo = async (
  uri: string,
  dbName?: string,
  options: MongoClientOptions = {},
): Promise<MongoConnection> => {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000, ...options });
  await client.connect();
  const db = client.db(dbName);
  return { client, db, close: () => client.close() };
};
