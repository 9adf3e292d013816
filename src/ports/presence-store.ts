/**
 * What `admit` decided: `first` is the user's first live connection (they
 * come online), `another` one more of theirs, `refused` one too many.
 */
export type Admission = 'first' | 'another' | 'refused';

/**
 * Connections per user, across tabs, devices and processes. Each connection
 * holds a lease that `refresh` extends; a connection whose lease ran out (its
 * process died) no longer counts.
 */
export interface PresenceStore {
  /**
   * Adds the connection's lease unless the user already has `maxConnections`
   * live ones. One atomic step: two connections racing for the last place
   * cannot both get it.
   */
  admit(userId: string, connectionId: string, now: Date, maxConnections: number): Promise<Admission>;
  /** True when this was the user's last live connection. */
  disconnect(userId: string, connectionId: string, now: Date): Promise<boolean>;
  /** Extends the leases of these connections. */
  refresh(connections: ReadonlyArray<{ userId: string; connectionId: string }>, now: Date): Promise<void>;
  isOnline(userId: string, now: Date): Promise<boolean>;
  /** The subset of `userIds` that is online. */
  onlineAmong(userIds: readonly string[], now: Date): Promise<Set<string>>;
  countOnline(now: Date): Promise<number>;
}
