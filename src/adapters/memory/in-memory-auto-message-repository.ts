import type { AutoMessage, AutoMessagePlan, AutoMessageStatus } from '../../domain/auto-message.js';
import type { AutoMessageRepository } from '../../ports/auto-message-repository.js';

const copy = (item: AutoMessage): AutoMessage => ({
  ...item,
  sendAt: new Date(item.sendAt),
  leaseUntil: item.leaseUntil && new Date(item.leaseUntil),
  createdAt: new Date(item.createdAt),
  queuedAt: item.queuedAt && new Date(item.queuedAt),
  sentAt: item.sentAt && new Date(item.sentAt),
});

const copyPlan = (plan: AutoMessagePlan): AutoMessagePlan => ({
  day: plan.day,
  pairs: plan.pairs.map(({ senderId, receiverId, content, sendAt }) => ({
    senderId,
    receiverId,
    content,
    sendAt: new Date(sendAt),
  })),
  createdAt: new Date(plan.createdAt),
});

const isDue = (item: AutoMessage, now: number): boolean =>
  (item.status === 'planned' && item.sendAt.getTime() <= now) ||
  (item.status === 'queued' && item.leaseUntil !== null && item.leaseUntil.getTime() <= now);

const bySendAtThenId = (a: AutoMessage, b: AutoMessage): number =>
  a.sendAt.getTime() - b.sendAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A planned item in claim order. */
interface PlannedEntry {
  readonly sendAtMs: number;
  readonly id: string;
}

/** A queued item's lease; stale once the item's lease or status changed (checked when read). */
interface LeaseEntry {
  readonly leaseMs: number;
  readonly id: string;
}

const byPlannedOrder = (a: PlannedEntry, b: PlannedEntry): number =>
  a.sendAtMs - b.sendAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A binary min-heap of leases, earliest expiry on top. */
class LeaseHeap {
  readonly entries: LeaseEntry[] = [];

  push(entry: LeaseEntry): void {
    const heap = this.entries;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as LeaseEntry).leaseMs <= entry.leaseMs) break;
      heap[i] = heap[parent] as LeaseEntry;
      i = parent;
    }
    heap[i] = entry;
  }

  peek(): LeaseEntry | undefined {
    return this.entries[0];
  }

  pop(): void {
    const heap = this.entries;
    const last = heap.pop();
    if (heap.length === 0 || !last) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child =
        right < heap.length && (heap[right] as LeaseEntry).leaseMs < (heap[left] as LeaseEntry).leaseMs ? right : left;
      if ((heap[child] as LeaseEntry).leaseMs >= last.leaseMs) break;
      heap[i] = heap[child] as LeaseEntry;
      i = child;
    }
    heap[i] = last;
  }

  /** Every entry expiring at or before `nowMs`, visiting only those and their direct children. */
  *expiredBy(nowMs: number): Generator<LeaseEntry> {
    const stack = this.entries.length > 0 ? [0] : [];
    while (stack.length > 0) {
      const i = stack.pop() as number;
      const entry = this.entries[i] as LeaseEntry;
      if (entry.leaseMs > nowMs) continue;
      yield entry;
      if (2 * i + 1 < this.entries.length) stack.push(2 * i + 1);
      if (2 * i + 2 < this.entries.length) stack.push(2 * i + 2);
    }
  }
}

/**
 * Items keyed by id with a unique planKey; one plan per day. Claims use two
 * indexes instead of a scan of every item: planned items in (sendAt, id)
 * order, and a heap of queued items' leases. Entries are never updated in
 * place: one that no longer matches its item is skipped and dropped.
 */
export class InMemoryAutoMessageRepository implements AutoMessageRepository {
  private readonly items = new Map<string, AutoMessage>();
  private readonly planKeys = new Set<string>();
  private readonly plans = new Map<string, AutoMessagePlan>();
  /** Planned items in claim order; those before `plannedHead` were claimed (or left the planned state). */
  private planned: PlannedEntry[] = [];
  private plannedHead = 0;
  private readonly leases = new LeaseHeap();

  async savePlanIfAbsent(plan: AutoMessagePlan): Promise<AutoMessagePlan> {
    const stored = this.plans.get(plan.day) ?? copyPlan(plan);
    this.plans.set(plan.day, stored);
    return copyPlan(stored);
  }

  async insertMany(items: readonly AutoMessage[]): Promise<number> {
    let inserted = 0;
    const newlyPlanned: PlannedEntry[] = [];
    for (const item of items) {
      if (this.items.has(item.id) || this.planKeys.has(item.planKey)) continue;
      this.items.set(item.id, copy(item));
      this.planKeys.add(item.planKey);
      if (item.status === 'planned') newlyPlanned.push({ sendAtMs: item.sendAt.getTime(), id: item.id });
      if (item.status === 'queued' && item.leaseUntil)
        this.leases.push({ leaseMs: item.leaseUntil.getTime(), id: item.id });
      inserted += 1;
    }
    if (newlyPlanned.length > 0) {
      this.planned = this.planned.slice(this.plannedHead).concat(newlyPlanned).sort(byPlannedOrder);
      this.plannedHead = 0;
    }
    return inserted;
  }

  async listByPlanDay(day: string): Promise<AutoMessage[]> {
    return [...this.items.values()]
      .filter((item) => item.planDay === day)
      .sort(bySendAtThenId)
      .map(copy);
  }

  async findById(id: string): Promise<AutoMessage | null> {
    const item = this.items.get(id);
    return item ? copy(item) : null;
  }

  async claimNextDue(now: Date, leaseUntil: Date): Promise<AutoMessage | null> {
    const nowMs = now.getTime();
    let next = this.firstDuePlanned(nowMs);
    for (const item of this.dueQueued(nowMs)) if (!next || bySendAtThenId(item, next) < 0) next = item;
    if (!next) return null;
    const claimed: AutoMessage = {
      ...next,
      status: 'queued',
      queuedAt: new Date(now),
      leaseUntil: new Date(leaseUntil),
    };
    this.items.set(claimed.id, claimed);
    this.leases.push({ leaseMs: leaseUntil.getTime(), id: claimed.id });
    return copy(claimed);
  }

  async markSent(id: string, messageId: string, at: Date): Promise<boolean> {
    const item = this.items.get(id);
    if (!item || item.status === 'sent') return false;
    this.items.set(id, { ...item, status: 'sent', messageId, sentAt: new Date(at), leaseUntil: null });
    return true;
  }

  async recordFailure(id: string, error: string, retryCount: number, leaseUntil: Date): Promise<void> {
    const item = this.items.get(id);
    if (!item || item.status === 'sent') return;
    this.items.set(id, { ...item, lastError: error, retryCount, leaseUntil: new Date(leaseUntil) });
    if (item.status === 'queued') this.leases.push({ leaseMs: leaseUntil.getTime(), id });
  }

  async markDead(id: string, error: string, retryCount: number): Promise<void> {
    const item = this.items.get(id);
    if (!item || item.status === 'sent') return;
    this.items.set(id, { ...item, status: 'dead', lastError: error, retryCount });
  }

  /** The earliest planned item if it is due; planned entries whose item moved on are dropped from the front. */
  private firstDuePlanned(nowMs: number): AutoMessage | undefined {
    while (this.plannedHead < this.planned.length) {
      const entry = this.planned[this.plannedHead] as PlannedEntry;
      const item = this.items.get(entry.id);
      if (item?.status === 'planned' && item.sendAt.getTime() === entry.sendAtMs) {
        return isDue(item, nowMs) ? item : undefined;
      }
      this.plannedHead += 1;
    }
    return undefined;
  }

  /** Queued items whose lease has run out; stale leases on top of the heap are dropped first. */
  private *dueQueued(nowMs: number): Generator<AutoMessage> {
    for (let top = this.leases.peek(); top && !this.isCurrentLease(top); top = this.leases.peek()) this.leases.pop();
    for (const entry of this.leases.expiredBy(nowMs)) {
      const item = this.items.get(entry.id);
      if (item && this.isCurrentLease(entry) && isDue(item, nowMs)) yield item;
    }
  }

  private isCurrentLease(entry: LeaseEntry): boolean {
    const item = this.items.get(entry.id);
    return item?.status === 'queued' && item.leaseUntil?.getTime() === entry.leaseMs;
  }

  async countByStatus(): Promise<Record<AutoMessageStatus, number>> {
    const counts: Record<AutoMessageStatus, number> = { planned: 0, queued: 0, sent: 0, dead: 0 };
    for (const item of this.items.values()) counts[item.status] += 1;
    return counts;
  }
}
