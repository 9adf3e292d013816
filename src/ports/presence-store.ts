/**
 * Connections per user, across tabs, devices and processes. Each connection
 * holds a lease that `refresh` extends; a connection whose lease ran out (its
 * process died) no longer counts.
 */
export interface PresenceStore {
  /** True when this is the user's first live connection. */
  connect(userId: string, connectionId: string, now: Date): Promise<boolean>;
  /** True when this was the user's last live connection. */
  disconnect(userId: string, connectionId: string, now: Date): Promise<boolean>;
  /** Extends the leases of these connections. */
  refresh(connections: ReadonlyArray<{ userId: string; connectionId: string }>, now: Date): Promise<void>;
  isOnline(userId: string, now: Date): Promise<boolean>;
  /** The user's live connections, on every process. */
  countConnections(userId: string, now: Date): Promise<number>;
  /** The subset of `userIds` that is online. */
  onlineAmong(userIds: readonly string[], now: Date): Promise<Set<string>>;
  countOnline(now: Date): Promise<number>;
}
