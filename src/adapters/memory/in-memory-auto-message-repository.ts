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

/** Items keyed by id with a unique planKey; one plan per day. */
export class InMemoryAutoMessageRepository implements AutoMessageRepository {
  private readonly items = new Map<string, AutoMessage>();
  private readonly planKeys = new Set<string>();
  private readonly plans = new Map<string, AutoMessagePlan>();

  async savePlanIfAbsent(plan: AutoMessagePlan): Promise<AutoMessagePlan> {
    const stored = this.plans.get(plan.day) ?? copyPlan(plan);
    this.plans.set(plan.day, stored);
    return copyPlan(stored);
  }

  async insertMany(items: readonly AutoMessage[]): Promise<number> {
    let inserted = 0;
    for (const item of items) {
      if (this.items.has(item.id) || this.planKeys.has(item.planKey)) continue;
      this.items.set(item.id, copy(item));
      this.planKeys.add(item.planKey);
      inserted += 1;
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
    let next: AutoMessage | undefined;
    for (const item of this.items.values()) {
      if (isDue(item, now.getTime()) && (!next || bySendAtThenId(item, next) < 0)) next = item;
    }
    if (!next) return null;
    const claimed: AutoMessage = {
      ...next,
      status: 'queued',
      queuedAt: new Date(now),
      leaseUntil: new Date(leaseUntil),
    };
    this.items.set(claimed.id, claimed);
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
  }

  async markDead(id: string, error: string, retryCount: number): Promise<void> {
    const item = this.items.get(id);
    if (!item || item.status === 'sent') return;
    this.items.set(id, { ...item, status: 'dead', lastError: error, retryCount });
  }

  async countByStatus(): Promise<Record<AutoMessageStatus, number>> {
    const counts: Record<AutoMessageStatus, number> = { planned: 0, queued: 0, sent: 0, dead: 0 };
    for (const item of this.items.values()) counts[item.status] += 1;
    return counts;
  }
}
