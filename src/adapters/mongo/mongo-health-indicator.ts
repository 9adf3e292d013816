import type { Db } from 'mongodb';
import type { HealthIndicator } from '../../ports/health-indicator.js';
import { settleWithin } from '../shared/settle-within.js';
import type { MongoDatabase } from './mongo-database.js';

/** A MongoDatabase that also runs commands: the driver's `Db`, or RebuildableMongoDatabase. */
export type CommandableMongoDatabase = MongoDatabase & Pick<Db, 'command'>;

/** Ready when the server answers `ping` within the timeout. */
export class MongoHealthIndicator implements HealthIndicator {
  readonly name = 'mongodb';

  constructor(
    private readonly db: CommandableMongoDatabase,
    private readonly timeoutMs = 2_000,
  ) {}

  async check(): Promise<void> {
    await settleWithin(
      this.timeoutMs,
      this.db.command({ ping: 1 }, { timeoutMS: this.timeoutMs }),
      () => new Error(`mongodb did not answer ping within ${this.timeoutMs} ms`),
    );
  }
}
