import type { Reaction } from '../../domain/reaction.js';
import type { AddReactionResult, ReactionRepository } from '../../ports/reaction-repository.js';

const keyOf = (messageId: string, userId: string, emoji: string): string => `${messageId}:${userId}:${emoji}`;

export class InMemoryReactionRepository implements ReactionRepository {
  /** Per message, its reactions by key, in the order they were added. */
  private readonly byMessage = new Map<string, Map<string, Reaction>>();

  async add(reaction: Reaction, maxDistinct: number): Promise<AddReactionResult> {
    const reactions = this.byMessage.get(reaction.messageId) ?? new Map<string, Reaction>();
    const key = keyOf(reaction.messageId, reaction.userId, reaction.emoji);
    if (reactions.has(key)) return 'present';
    const emoji = new Set([...reactions.values()].map((existing) => existing.emoji));
    if (!emoji.has(reaction.emoji) && emoji.size >= maxDistinct) return 'full';
    reactions.set(key, { ...reaction, at: new Date(reaction.at) });
    this.byMessage.set(reaction.messageId, reactions);
    return 'added';
  }

  async remove(messageId: string, userId: string, emoji: string): Promise<boolean> {
    return this.byMessage.get(messageId)?.delete(keyOf(messageId, userId, emoji)) ?? false;
  }

  async listFor(messageIds: readonly string[]): Promise<Reaction[]> {
    return [...new Set(messageIds)]
      .flatMap((messageId) => [...(this.byMessage.get(messageId)?.values() ?? [])])
      .map((reaction) => ({ ...reaction, at: new Date(reaction.at) }))
      .sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}
