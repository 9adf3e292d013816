import type { BlockRepository } from '../../ports/block-repository.js';

export class InMemoryBlockRepository implements BlockRepository {
  /** Per blocker, whom they block and since when. */
  private readonly blocked = new Map<string, Map<string, Date>>();

  async block(blockerId: string, blockedId: string, at: Date): Promise<boolean> {
    const blocked = this.blocked.get(blockerId) ?? new Map<string, Date>();
    if (blocked.has(blockedId)) return false;
    blocked.set(blockedId, new Date(at));
    this.blocked.set(blockerId, blocked);
    return true;
  }

  async unblock(blockerId: string, blockedId: string): Promise<boolean> {
    return this.blocked.get(blockerId)?.delete(blockedId) ?? false;
  }

  async isBlocked(blockerId: string, blockedId: string): Promise<boolean> {
    return this.blocked.get(blockerId)?.has(blockedId) ?? false;
  }

  async blockedBy(blockerId: string): Promise<string[]> {
    const blocked = [...(this.blocked.get(blockerId) ?? new Map<string, Date>())];
    blocked.sort(([a, since], [b, sinceB]) => since.getTime() - sinceB.getTime() || (a < b ? -1 : 1));
    return blocked.map(([blockedId]) => blockedId);
  }

  async blockedEitherWay(userId: string, userIds: readonly string[]): Promise<Set<string>> {
    const mine = this.blocked.get(userId);
    return new Set(userIds.filter((other) => mine?.has(other) || this.blocked.get(other)?.has(userId)));
  }
}
