import type { Collection, Db, Document, MongoClient } from 'mongodb';

/**
 * What the Mongo adapters need of a database. They look a collection up for
 * each operation and never keep one, so the client behind it can be replaced
 * (RebuildableMongoDatabase). The driver's `Db` satisfies it.
 */
export interface MongoDatabase {
  collection<T extends Document>(name: string): Collection<T>;
}

/** How long a client may take to close before it is left to itself (a wedged one may never finish). */
const RETIRE_TIMEOUT_MS = 5_000;

/**
 * A MongoDatabase whose MongoClient can be swapped for a fresh one while the
 * process runs. mongodb 7.x can wedge a client for good when the server
 * restarts: a heartbeat written into a socket the server has just closed
 * never settles, so the server stays Unknown and every operation fails server
 * selection. Only a new client gets out of that.
 */
export class RebuildableMongoDatabase implements MongoDatabase {
  private current: MongoClient;
  private db: Db;
  private readonly retiring = new Set<Promise<void>>();

  /** `open` makes a client (not yet connected); `first` is the one to start with, already connected. */
  constructor(
    private readonly open: () => MongoClient,
    private readonly dbName?: string,
    first: MongoClient = open(),
  ) {
    this.current = first;
    this.db = first.db(dbName);
  }

  /** The client operations use now; it changes at every rebuild. */
  get client(): MongoClient {
    return this.current;
  }

  collection<T extends Document>(name: string): Collection<T> {
    return this.db.collection<T>(name);
  }

  command(...args: Parameters<Db['command']>): ReturnType<Db['command']> {
    return this.db.command(...args);
  }

  /**
   * From now on operations use a new client (it connects on its first
   * operation). The old one is closed in the background, failing its
   * operations in flight.
   */
  rebuild(): void {
    const old = this.current;
    this.current = this.open();
    this.db = this.current.db(this.dbName);
    const retired = this.retire(old);
    this.retiring.add(retired);
    void retired.finally(() => this.retiring.delete(retired));
  }

  async close(): Promise<void> {
    await Promise.all([this.retire(this.current), ...this.retiring]);
  }

  private async retire(client: MongoClient): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const givenUp = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, RETIRE_TIMEOUT_MS);
    });
    try {
      await Promise.race([client.close().catch(() => undefined), givenUp]);
    } finally {
      clearTimeout(timer);
    }
  }
}
