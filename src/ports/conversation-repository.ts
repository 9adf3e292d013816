import type { Conversation, LastMessage } from '../domain/conversation.js';
import type { Membership } from '../domain/membership.js';

export interface NewGroup {
  readonly id: string;
  readonly title: string;
  readonly ownerId: string;
  /** Every member, the owner included; the owner is the longest-standing. */
  readonly memberIds: readonly string[];
  readonly now: Date;
}

/** Group conversations and their memberships (unique per conversation and user). */
export interface GroupMemberships {
  /** Stores the group and a membership for each member (joined at position 0); the group as stored. */
  createGroup(group: NewGroup): Promise<Conversation>;
  /** Renames a group; the conversation after (null if absent or not a group). */
  renameGroup(conversationId: string, title: string, at: Date): Promise<Conversation | null>;
  /** Hands a group to another member; the conversation after (null if absent or not a group). */
  setOwner(conversationId: string, ownerId: string): Promise<Conversation | null>;
  /** The user's membership, current or past; null if never a member. */
  membership(conversationId: string, userId: string): Promise<Membership | null>;
  /** The user's read position in each of these groups (every group, without ids) they are a current member of. */
  readPositions(userId: string, conversationIds?: readonly string[]): Promise<Map<string, number>>;
  /** Current members, longest-standing first. */
  activeMembers(conversationId: string): Promise<Membership[]>;
  /**
   * Makes the user a member seeing messages after `joinedAfterSeq`. At most one
   * membership per user and group, also when added twice at once; true only
   * for the call that made them a member (false: a member already).
   */
  addMember(conversationId: string, userId: string, joinedAfterSeq: number, at: Date): Promise<boolean>;
  /** Ends a current membership; true only for the call that ended it. */
  removeMember(conversationId: string, userId: string, at: Date): Promise<boolean>;
  /** Moves the member's read position up to `seq` (never down); true when it moved. */
  advanceRead(conversationId: string, userId: string, seq: number): Promise<boolean>;
  /** Moves the member's delivered position up to `seq` (never down); true when it moved. */
  advanceDelivered(conversationId: string, userId: string, seq: number): Promise<boolean>;
}

export interface ConversationRepository extends GroupMemberships {
  /**
   * The one conversation of the pair, created when absent. Concurrent calls for
   * the same pair all get the same conversation (unique participant key).
   * `newId` is used only when it is created.
   */
  findOrCreate(participantA: string, participantB: string, newId: string, now: Date): Promise<Conversation>;
  /** A group comes with its current members as `participants`. */
  findById(id: string): Promise<Conversation | null>;
  findByParticipants(participantA: string, participantB: string): Promise<Conversation | null>;
  /** Direct conversations and groups the user is a current member of: newest activity first, then id descending. `page` is 1-based. */
  listForUser(userId: string, page: number, limit: number): Promise<{ conversations: Conversation[]; total: number }>;
  /** Ids of every conversation the user takes part in (groups: as a current member), in no particular order. */
  listIdsForUser(userId: string): Promise<string[]>;
  /** Ids of everyone who shares a conversation with the user (groups: current members). */
  listPartnerIds(userId: string): Promise<string[]>;
  /**
   * Records the newest message; a message at a lower position than the
   * current last one (arriving late) leaves it unchanged. Returns the
   * conversation after.
   */
  recordLastMessage(conversationId: string, lastMessage: LastMessage): Promise<Conversation | null>;
  /** Replaces the preview when `messageId` is the last message (an edit); true when it is. */
  recordLastMessageEdit(conversationId: string, messageId: string, preview: string): Promise<boolean>;
  /** Mutes it for the participant until `until` (`null`: until unmuted); the conversation after (null if absent). */
  setMute(conversationId: string, userId: string, until: Date | null): Promise<Conversation | null>;
  /** Ends the participant's mute, if any; the conversation after (null if absent). */
  clearMute(conversationId: string, userId: string): Promise<Conversation | null>;
  /** Erases the preview (and flags it deleted) when `messageId` is the last message; true when it is. */
  markLastMessageDeleted(conversationId: string, messageId: string): Promise<boolean>;
}
