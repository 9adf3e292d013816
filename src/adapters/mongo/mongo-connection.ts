import { MongoClient, type Db, type MongoClientOptions } from 'mongodb';

export interface MongoConnection {
  readonly client: MongoClient;
  readonly db: Db;
  close(): Promise<void>;
}

/** A client with this project's defaults; it connects on its first operation. */
export const createMongoClient = (uri: string, options: MongoClientOptions = {}): MongoClient =>
  new MongoClient(uri, { serverSelectionTimeoutMS: 5_000, ...options });

/** Connects and checks the server answers; `dbName` defaults to the one in the URI. */
export const connectMongo = async (
  uri: string,
  dbName?: string,
  options: MongoClientOptions = {},
): Promise<MongoConnection> => {
  const client = createMongoClient(uri, options);
  await client.connect();
  const db = client.db(dbName);
  return { client, db, close: () => client.close() };
};
