import { randomUUID } from 'node:crypto';
import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import type { Logger } from '../../ports/logger.js';
import type { SessionEndReason, SessionRevocations, SessionsEndedListener } from '../../ports/session-revocations.js';
import { InProcessSessionRevocations } from '../shared/in-process-session-revocations.js';
import type { PubSubBus } from './socket-io-redis-fan-out.js';

const CHANNEL = 'sessions:ended';

const Announcement = t.type({
  origin: t.string,
  sessionIds: t.array(t.string),
  reason: t.keyof({ logout: null, revoked: null, credentials_changed: null }),
});

/**
 * The in-process set, kept current across processes over Redis pub/sub. A
 * process that misses announcements while Redis is away reloads the set
 * from the session store when the connection is back (bootstrap wires that).
 */
export class RedisSessionRevocations implements SessionRevocations {
  private readonly local: InProcessSessionRevocations;
  private readonly origin = randomUUID();

  private constructor(
    private readonly bus: PubSubBus,
    keepMs: number,
    private readonly logger: Logger,
  ) {
    this.local = new InProcessSessionRevocations({ keepMs });
  }

  static async connect(bus: PubSubBus, keepMs: number, logger: Logger): Promise<RedisSessionRevocations> {
    const revocations = new RedisSessionRevocations(bus, keepMs, logger);
    await bus.subscribe(CHANNEL, (message) => revocations.heard(message));
    return revocations;
  }

  async end(sessionIds: readonly string[], reason: SessionEndReason): Promise<void> {
    if (sessionIds.length === 0) return;
    this.local.record(sessionIds, reason);
    await this.bus.publish(CHANNEL, JSON.stringify({ origin: this.origin, sessionIds, reason }));
  }

  remember(sessionIds: readonly string[]): void {
    this.local.remember(sessionIds);
  }

  isEnded(sessionId: string): boolean {
    return this.local.isEnded(sessionId);
  }

  onEnded(listener: SessionsEndedListener): void {
    this.local.onEnded(listener);
  }

  private heard(message: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      parsed = undefined;
    }
    const announcement = Announcement.decode(parsed);
    if (E.isLeft(announcement)) {
      this.logger.warn('ignored a malformed session-ended announcement');
      return;
    }
    if (announcement.right.origin === this.origin) return;
    this.local.record(announcement.right.sessionIds, announcement.right.reason);
  }
}
