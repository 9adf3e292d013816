/**
 * A user's place in a group conversation. Read and delivery state are
 * positions (the last message read, the last delivered), so marking a whole
 * conversation read is one write however many messages it covers.
 */
export interface Membership {
  readonly conversationId: string;
  readonly userId: string;
  readonly joinedAt: Date;
  /** The conversation's last position when the member joined: they see only later messages. */
  readonly joinedAfterSeq: number;
  /** Null while a member; a member who left sees nothing of the group until added again. */
  readonly leftAt: Date | null;
  readonly readSeq: number;
  readonly deliveredSeq: number;
}

export const DEFAULT_GROUP_MAX_MEMBERS = 100;
export const GROUP_MIN_MEMBERS = 3;
export const MAX_TITLE_LENGTH = 100;

/** When a founding member joined: the owner as the group is made, the others right after, so the owner is the longest-standing. */
export const founderJoinedAt = (userId: string, ownerId: string, now: Date): Date =>
  new Date(now.getTime() + (userId === ownerId ? 0 : 1));

export const isActiveMember = (membership: Membership | null): membership is Membership =>
  membership !== null && membership.leftAt === null;

/** Whether the member may see the message at this position. */
export const canSee = (membership: Membership, seq: number): boolean => seq > membership.joinedAfterSeq;

/** Longest-standing first: the order ownership passes in when the owner leaves. */
export const longestStanding = (a: Membership, b: Membership): number =>
  a.joinedAt.getTime() - b.joinedAt.getTime() || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
