import type { Collection, Db } from 'mongodb';
import type { MongoDatabase } from './mongo-database.js';

/**
 * A `Db` for the repositories that still keep Collection objects
 * (MongoMessageRepository, MongoAutoMessageRepository): each collection it
 * hands out looks the real one up again on every call, so it follows client
 * rebuilds. Only `collection()` is served. Delete this once both take a
 * MongoDatabase and look collections up per operation themselves.
 */
export const rebuildFollowingDb = (database: MongoDatabase): Db =>
  ({
    collection: (name: string) =>
      new Proxy({} as Collection, {
        get: (_, property) => {
          const collection = database.collection(name);
          const value: unknown = Reflect.get(collection, property, collection);
          return typeof value === 'function' ? value.bind(collection) : value;
        },
      }),
  }) as unknown as Db;
