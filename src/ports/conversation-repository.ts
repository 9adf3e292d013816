import type { Conversation, LastMessage } from '../domain/conversation.js';

export interface ConversationRepository {
  /**
   * The one conversation of the pair, created when absent. Concurrent calls for
   * the same pair all get the same conversation (unique participant key).
   * `newId` is used only when it is created.
   */
  findOrCreate(participantA: string, participantB: string, newId: string, now: Date): Promise<Conversation>;
  findById(id: string): Promise<Conversation | null>;
  findByParticipants(participantA: string, participantB: string): Promise<Conversation | null>;
  /** Newest activity first, then id descending. `page` is 1-based. */
  listForUser(userId: string, page: number, limit: number): Promise<{ conversations: Conversation[]; total: number }>;
  /** Ids of every conversation the user takes part in, in no particular order. */
  listIdsForUser(userId: string): Promise<string[]>;
  /** Ids of everyone who shares a conversation with the user. */
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
