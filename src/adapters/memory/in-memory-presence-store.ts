import type { Admission, PresenceStore } from '../../ports/presence-store.js';

export interface InMemoryPresenceStoreOptions {
  /** How long a connection counts without a refresh. */
  readonly leaseMs?: number;
}

/** Presence for a single process: lease expiry (ms) per connection per user. */
export class InMemoryPresenceStore implements PresenceStore {
  private readonly leaseMs: number;
  private readonly leases = new Map<string, Map<string, number>>();

  constructor(options: InMemoryPresenceStoreOptions = {}) {
    this.leaseMs = options.leaseMs ?? 60_000;
  }

  /** Synchronous from the count to the lease, so racing admissions cannot both take the last place. */
  async admit(userId: string, connectionId: string, now: Date, maxConnections: number): Promise<Admission> {
    const connections = this.liveConnections(userId, now) ?? new Map<string, number>();
    if (connections.size >= maxConnections) return 'refused';
    const wasOffline = connections.size === 0;
    connections.set(connectionId, now.getTime() + this.leaseMs);
    this.leases.set(userId, connections);
    return wasOffline ? 'first' : 'another';
  }

  /** True only when this call removed the connection and none live remains. */
  async disconnect(userId: string, connectionId: string, now: Date): Promise<boolean> {
    const removed = this.leases.get(userId)?.delete(connectionId) ?? false;
    const remaining = this.liveConnections(userId, now);
    if (remaining && remaining.size > 0) return false;
    this.leases.delete(userId);
    return removed;
  }

  /** Upserts, like the Redis store: a lease that is gone is created again. */
  async refresh(connections: ReadonlyArray<{ userId: string; connectionId: string }>, now: Date): Promise<void> {
    const expiry = now.getTime() + this.leaseMs;
    for (const { userId, connectionId } of connections) {
      const leases = this.leases.get(userId) ?? new Map<string, number>();
      leases.set(connectionId, Math.max(leases.get(connectionId) ?? 0, expiry));
      this.leases.set(userId, leases);
    }
  }

  async isOnline(userId: string, now: Date): Promise<boolean> {
    return this.isLive(userId, now.getTime());
  }

  async onlineAmong(userIds: readonly string[], now: Date): Promise<Set<string>> {
    return new Set(userIds.filter((userId) => this.isLive(userId, now.getTime())));
  }

  async countOnline(now: Date): Promise<number> {
    let count = 0;
    for (const userId of this.leases.keys()) if (this.isLive(userId, now.getTime())) count += 1;
    return count;
  }

  private isLive(userId: string, nowMs: number): boolean {
    for (const expiry of this.leases.get(userId)?.values() ?? []) if (expiry > nowMs) return true;
    return false;
  }

  /** The user's connections after dropping expired leases, or undefined when there were none. */
  private liveConnections(userId: string, now: Date): Map<string, number> | undefined {
    const connections = this.leases.get(userId);
    if (!connections) return undefined;
    for (const [connectionId, expiry] of connections) if (expiry <= now.getTime()) connections.delete(connectionId);
    return connections;
  }
}
