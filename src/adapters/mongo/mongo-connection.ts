import { MongoClient, type CommandStartedEvent, type Db, type MongoClientOptions } from 'mongodb';
import type { RoundTripMeter } from '../../ports/round-trip-meter.js';

export interface MongoConnection {
  readonly client: MongoClient;
  readonly db: Db;
  close(): Promise<void>;
}

/** The collection a command works on: named by the command's own field, or by `collection` (getMore). */
const collectionOf = (event: CommandStartedEvent): string => {
  const named: unknown = event.command[event.commandName];
  if (typeof named === 'string' && named.length > 0) return named;
  const cursorOf: unknown = event.command.collection;
  return typeof cursorOf === 'string' ? cursorOf : 'none';
};

/**
 * The option that marks a command as an operator's read (for /metrics): it
 * is not counted among the app's round trips, so a scrape never moves the
 * counters it reports. A comment, because it travels with the command.
 */
export const OPERATOR_READ = { comment: 'chat-backend: operator read' } as const;

/**
 * A client with this project's defaults; it connects on its first operation.
 * With `roundTrips`, every command it sends is counted there (the driver's
 * command monitoring; the connection handshake and heartbeats are not
 * commands), except operator reads.
 */
export const createMongoClient = (
  uri: string,
  options: MongoClientOptions = {},
  roundTrips?: RoundTripMeter,
): MongoClient => {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: 5_000,
    ...options,
    ...(roundTrips ? { monitorCommands: true } : {}),
  });
  if (roundTrips) {
    client.on('commandStarted', (event) => {
      if (event.command.comment !== OPERATOR_READ.comment) {
        roundTrips.mongoCommand(event.commandName, collectionOf(event));
      }
    });
  }
  return client;
};

/** Connects and checks the server answers; `dbName` defaults to the one in the URI. */
export const connectMongo = async (
  uri: string,
  dbName?: string,
  options: MongoClientOptions = {},
  roundTrips?: RoundTripMeter,
): Promise<MongoConnection> => {
  const client = createMongoClient(uri, options, roundTrips);
  await client.connect();
  const db = client.db(dbName);
  return { client, db, close: () => client.close() };
};
