import type { Reaction } from '../domain/reaction.js';

/** `full`: the message has its maximum of different emoji and this one is not among them. */
export type AddReactionResult = 'added' | 'present' | 'full';

export interface ReactionRepository {
  /**
   * Adds the user's emoji to the message, once (a second add is `present`).
   * Never lets a message carry more than `maxDistinct` different emoji, also
   * when several users add new ones at the same moment.
   */
  add(reaction: Reaction, maxDistinct: number): Promise<AddReactionResult>;
  /** Removes the user's emoji from the message; true when it was there. */
  remove(messageId: string, userId: string, emoji: string): Promise<boolean>;
  /** Every reaction of these messages, oldest first (absent messages: none). */
  listFor(messageIds: readonly string[]): Promise<Reaction[]>;
}
