/**
 * What changed, by reference: a change names the message (or conversation) it
 * concerns and the change feed shows that subject as it is now. So content a
 * sender deleted is never served again, not even from an older change.
 */
export type ChangeSubject =
  | { readonly type: 'message_created' | 'message_edited' | 'message_deleted'; readonly messageId: string }
  /** `userId`: in a group, the member it reached (a direct message has one receiver). */
  | { readonly type: 'message_delivered'; readonly messageId: string; readonly userId?: string }
  | { readonly type: 'message_read'; readonly messageId: string; readonly readerId: string }
  | {
      readonly type: 'reaction_added' | 'reaction_removed';
      readonly messageId: string;
      readonly userId: string;
      readonly emoji: string;
    }
  | { readonly type: 'conversation_created' | 'conversation_updated' }
  /** A group's membership changed: `userId` joined or left (or was removed). */
  | { readonly type: 'member_added' | 'member_removed'; readonly userId: string };

export type ChangeType = ChangeSubject['type'];

export type ChangeDraft = ChangeSubject & {
  /**
   * What made the change, unique across the log: recording a key again
   * (a retry after a crash between a write and its record) records nothing new.
   */
  readonly key: string;
  readonly conversationId: string;
  readonly at: Date;
};

/** A recorded change: `pos` is its position in its conversation, 1, 2, 3, … with no hole and no reuse. */
export type Change = ChangeDraft & { readonly pos: number };

/** Per conversation, the highest position a reader has seen. */
export type Positions = ReadonlyMap<string, number>;

export interface ChangesPage {
  /** In order of position within each conversation. */
  readonly changes: Change[];
  /** More changes exist past the last one of this page. */
  readonly hasMore: boolean;
}

export interface ChangeLog {
  /**
   * Records the change at the next position of its conversation; returns the
   * stored change (the earlier one when its key was recorded already). A
   * position n is visible only once every position below it is.
   */
  record(change: ChangeDraft): Promise<Change>;
  /**
   * At most `limit` changes of `conversationIds` past `seen`, each
   * conversation's in position order and never one without those before it.
   */
  since(conversationIds: readonly string[], seen: Positions, limit: number): Promise<ChangesPage>;
  /** The highest recorded position of each of these conversations (absent: none yet). */
  latestPositions(conversationIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * Forgets changes recorded before `before`, except each conversation's
   * latest (which keeps its position from being given again); returns how many.
   */
  prune(before: Date): Promise<number>;
}
