import type { Change, ChangeDraft, ChangeLog, ChangesPage, Positions } from '../../ports/change-log.js';

const copy = (change: Change): Change => ({ ...change, at: new Date(change.at) });

export class InMemoryChangeLog implements ChangeLog {
  /** Per conversation, its kept changes in position order. */
  private readonly byConversation = new Map<string, Change[]>();
  private readonly latest = new Map<string, number>();
  private readonly byKey = new Map<string, Change>();

  async record(draft: ChangeDraft): Promise<Change> {
    const existing = this.byKey.get(draft.key);
    if (existing) return copy(existing);
    const pos = (this.latest.get(draft.conversationId) ?? 0) + 1;
    const change = copy({ ...draft, pos });
    const changes = this.byConversation.get(change.conversationId) ?? [];
    changes.push(change);
    this.byConversation.set(change.conversationId, changes);
    this.latest.set(change.conversationId, pos);
    this.byKey.set(change.key, change);
    return copy(change);
  }

  async since(conversationIds: readonly string[], seen: Positions, limit: number): Promise<ChangesPage> {
    const page: Change[] = [];
    for (const conversationId of [...new Set(conversationIds)].sort()) {
      const from = seen.get(conversationId) ?? 0;
      for (const change of this.byConversation.get(conversationId) ?? []) {
        if (change.pos <= from) continue;
        if (page.length === limit) return { changes: page, hasMore: true };
        page.push(copy(change));
      }
    }
    return { changes: page, hasMore: false };
  }

  async latestPositions(conversationIds: readonly string[]): Promise<Map<string, number>> {
    const positions = new Map<string, number>();
    for (const conversationId of conversationIds) {
      const pos = this.latest.get(conversationId);
      if (pos !== undefined) positions.set(conversationId, pos);
    }
    return positions;
  }

  async prune(before: Date): Promise<number> {
    let pruned = 0;
    for (const [conversationId, changes] of this.byConversation) {
      const kept = changes.filter((change, index) => change.at >= before || index === changes.length - 1);
      for (const change of changes) if (!kept.includes(change)) this.byKey.delete(change.key);
      pruned += changes.length - kept.length;
      this.byConversation.set(conversationId, kept);
    }
    return pruned;
  }
}
