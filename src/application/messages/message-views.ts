import { messageView, type Message, type MessageView } from '../../domain/message.js';
import { reactionViews, type Reaction } from '../../domain/reaction.js';
import type { ReactionRepository } from '../../ports/reaction-repository.js';

/** Messages as one user sees them, reactions included: one query for any number of messages. */
export class MessageViews {
  constructor(private readonly deps: { reactions: ReactionRepository }) {}

  async of(messages: readonly Message[], viewerId: string): Promise<MessageView[]> {
    if (messages.length === 0) return [];
    const reactions = await this.deps.reactions.listFor(messages.map((message) => message.id));
    const byMessage = new Map<string, Reaction[]>();
    for (const reaction of reactions) {
      const own = byMessage.get(reaction.messageId) ?? [];
      own.push(reaction);
      byMessage.set(reaction.messageId, own);
    }
    return messages.map((message) => messageView(message, reactionViews(byMessage.get(message.id) ?? [], viewerId)));
  }

  /** The message as each viewer sees it (their own reactions marked), from one query. */
  async forViewers(message: Message, viewerIds: readonly string[]): Promise<Map<string, MessageView>> {
    const reactions = await this.deps.reactions.listFor([message.id]);
    return new Map(viewerIds.map((viewerId) => [viewerId, messageView(message, reactionViews(reactions, viewerId))]));
  }

  async one(message: Message, viewerId: string): Promise<MessageView> {
    const [view] = await this.of([message], viewerId);
    return view!;
  }
}
