import type { AutoMessage, AutoMessagePlan, AutoMessageStatus } from '../domain/auto-message.js';

export interface AutoMessageRepository {
  /** Stores the day's plan unless one exists; returns the stored (canonical) plan. */
  savePlanIfAbsent(plan: AutoMessagePlan): Promise<AutoMessagePlan>;
  /** Inserts items, skipping those whose planKey exists; returns how many were new. */
  insertMany(items: readonly AutoMessage[]): Promise<number>;
  findById(id: string): Promise<AutoMessage | null>;
  /** Every item of one planning day, earliest sendAt first (operators, tests). */
  listByPlanDay(day: string): Promise<AutoMessage[]>;
  /**
   * Atomically claims one item that is due: planned with sendAt <= now, or
   * queued with leaseUntil <= now (claimed but never delivered). Sets status
   * queued, queuedAt now and leaseUntil. Two callers never claim the same item
   * for the same lease. Oldest sendAt first.
   */
  claimNextDue(now: Date, leaseUntil: Date): Promise<AutoMessage | null>;
  /** Marks sent with its message; false when already sent (or absent). */
  markSent(id: string, messageId: string, at: Date): Promise<boolean>;
  /** Records a failed attempt; moves the lease to `leaseUntil` so the enqueuer leaves the retry to the queue. */
  recordFailure(id: string, error: string, retryCount: number, leaseUntil: Date): Promise<void>;
  /** Records the final failure: status dead. */
  markDead(id: string, error: string, retryCount: number): Promise<void>;
  /** Items of every day by status, for operators (metrics, the auto CLI); a status without items counts 0. */
  countByStatus(): Promise<Record<AutoMessageStatus, number>>;
}
