import type { Admission, PresenceStore } from '../../ports/presence-store.js';
import type { RedisConnection } from './redis-connection.js';
import { RedisScript } from './redis-script.js';
import { serviceUnavailable, withTimeout } from './with-timeout.js';

export interface RedisPresenceStoreOptions {
  /** How long a connection counts without a refresh. */
  readonly leaseMs?: number;
}

// KEYS: user set, online set. ARGV: connectionId, userId, now, lease expiry, user key TTL, most connections.
// Counting and adding in one script is what makes the limit hold for racing connects. The online set's score is
// the user's latest lease expiry, recomputed here so it stays exact. Replies 1 first, 0 another, -1 refused.
const ADMIT = new RedisScript(`
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
local before = redis.call('ZCARD', KEYS[1])
if before >= tonumber(ARGV[6]) then return -1 end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2]
redis.call('ZADD', KEYS[2], latest, ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
if before == 0 then return 1 end
return 0
`);

const ADMISSIONS: Readonly<Record<string, Admission>> = { '1': 'first', '0': 'another', '-1': 'refused' };

// KEYS: user set, online set. ARGV: connectionId, userId, now.
// True only when this call removed the connection and none live remains, so a repeated disconnect is not a second "offline".
const DISCONNECT = new RedisScript(`
local removed = redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2]
if latest then
  redis.call('ZADD', KEYS[2], latest, ARGV[2])
  return 0
end
redis.call('ZREM', KEYS[2], ARGV[2])
return removed
`);

/**
 * Presence shared by every process: a sorted set of connection leases per user
 * (`presence:user:<id>`, scored by expiry) and one sorted set of users scored by
 * their latest expiry (`presence:online`). A crashed process's leases simply run out.
 */
export class RedisPresenceStore implements PresenceStore {
  private readonly leaseMs: number;

  constructor(
    private readonly redis: RedisConnection,
    options: RedisPresenceStoreOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
  }

  async admit(userId: string, connectionId: string, now: Date, maxConnections: number): Promise<Admission> {
    const args = [
      connectionId,
      userId,
      String(now.getTime()),
      String(this.expiryFrom(now)),
      String(this.keyTtlMs()),
      String(maxConnections),
    ];
    const reply = await this.timed('presence admit', ADMIT.run(this.redis.client, this.keysOf(userId), args));
    const admission = ADMISSIONS[String(reply)];
    if (!admission) throw new Error(`redis: presence admit replied ${String(reply)}`);
    return admission;
  }

  async disconnect(userId: string, connectionId: string, now: Date): Promise<boolean> {
    const args = [connectionId, userId, String(now.getTime())];
    const reply = await this.timed('presence disconnect', DISCONNECT.run(this.redis.client, this.keysOf(userId), args));
    return reply === 1;
  }

  /**
   * Upserts: a lease Redis no longer has (it restarted without persistence) is
   * created again, so presence heals within one heartbeat. GT keeps the
   * online score the latest expiry without a script.
   */
  async refresh(connections: ReadonlyArray<{ userId: string; connectionId: string }>, now: Date): Promise<void> {
    if (connections.length === 0) return;
    const score = this.expiryFrom(now);
    const pipeline = this.redis.client.multi();
    for (const { userId, connectionId } of connections) {
      const userKey = this.userKey(userId);
      pipeline.zAdd(userKey, { score, value: connectionId }, { comparison: 'GT' });
      pipeline.pExpire(userKey, this.keyTtlMs());
      pipeline.zAdd(this.onlineKey(), { score, value: userId }, { comparison: 'GT' });
    }
    await this.timed('presence refresh', pipeline.execAsPipeline());
  }

  async isOnline(userId: string, now: Date): Promise<boolean> {
    const expiry = await this.timed('presence isOnline', this.redis.client.zScore(this.onlineKey(), userId));
    return expiry !== null && expiry > now.getTime();
  }

  async onlineAmong(userIds: readonly string[], now: Date): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const expiries = await this.timed(
      'presence onlineAmong',
      this.redis.client.zmScore(this.onlineKey(), [...userIds]),
    );
    return new Set(userIds.filter((_, i) => (expiries[i] ?? 0) > now.getTime()));
  }

  async countOnline(now: Date): Promise<number> {
    return this.timed('presence countOnline', this.redis.client.zCount(this.onlineKey(), `(${now.getTime()}`, '+inf'));
  }

  /** Bounded in time; a failure while disconnected is reported as the outage it is. */
  private async timed<T>(what: string, promise: Promise<T>): Promise<T> {
    try {
      return await withTimeout(this.redis.commandTimeoutMs, what, promise);
    } catch (error) {
      if (this.redis.client.isReady) throw error;
      throw serviceUnavailable(`redis: ${what} failed: not connected`, error);
    }
  }

  private expiryFrom(now: Date): number {
    return now.getTime() + this.leaseMs;
  }

  /** Only garbage collection of abandoned keys: liveness is always decided by the scores. */
  private keyTtlMs(): number {
    return this.leaseMs * 2;
  }

  private keysOf(userId: string): string[] {
    return [this.userKey(userId), this.onlineKey()];
  }

  private userKey(userId: string): string {
    return this.redis.key(`presence:user:${userId}`);
  }

  private onlineKey(): string {
    return this.redis.key('presence:online');
  }
}
