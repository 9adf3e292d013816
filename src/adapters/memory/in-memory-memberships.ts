import { longestStanding, type Membership } from '../../domain/membership.js';

const keyOf = (conversationId: string, userId: string): string => `${conversationId}:${userId}`;

const copy = (membership: Membership): Membership => ({
  ...membership,
  joinedAt: new Date(membership.joinedAt),
  leftAt: membership.leftAt && new Date(membership.leftAt),
});

/** Group memberships, one per conversation and user, like the unique (conversationId, userId) index. */
export class InMemoryMemberships {
  private readonly byKey = new Map<string, Membership>();

  get(conversationId: string, userId: string): Membership | null {
    const membership = this.byKey.get(keyOf(conversationId, userId));
    return membership ? copy(membership) : null;
  }

  active(conversationId: string): Membership[] {
    return [...this.byKey.values()]
      .filter((membership) => membership.conversationId === conversationId && membership.leftAt === null)
      .sort(longestStanding)
      .map(copy);
  }

  /** Ids of the groups the user is a current member of. */
  groupIdsOf(userId: string): string[] {
    return [...this.byKey.values()]
      .filter((membership) => membership.userId === userId && membership.leftAt === null)
      .map((membership) => membership.conversationId);
  }

  add(conversationId: string, userId: string, joinedAfterSeq: number, at: Date): boolean {
    const current = this.byKey.get(keyOf(conversationId, userId));
    if (current && current.leftAt === null) return false;
    this.byKey.set(keyOf(conversationId, userId), {
      conversationId,
      userId,
      joinedAt: new Date(at),
      joinedAfterSeq,
      leftAt: null,
      readSeq: joinedAfterSeq,
      deliveredSeq: joinedAfterSeq,
    });
    return true;
  }

  remove(conversationId: string, userId: string, at: Date): boolean {
    return this.update(conversationId, userId, () => true, { leftAt: new Date(at) });
  }

  advance(conversationId: string, userId: string, field: 'readSeq' | 'deliveredSeq', seq: number): boolean {
    return this.update(conversationId, userId, (membership) => membership[field] < seq, { [field]: seq });
  }

  /** Changes a current membership when `when` holds; true when it did. */
  private update(
    conversationId: string,
    userId: string,
    when: (membership: Membership) => boolean,
    changes: Partial<Membership>,
  ): boolean {
    const current = this.byKey.get(keyOf(conversationId, userId));
    if (!current || current.leftAt !== null || !when(current)) return false;
    this.byKey.set(keyOf(conversationId, userId), { ...current, ...changes });
    return true;
  }
}
