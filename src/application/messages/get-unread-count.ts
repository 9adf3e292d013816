import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { ok, type Result } from '../shared/result.js';

export interface UnreadCount {
  readonly unreadCount: number;
  readonly conversations: ReadonlyArray<{ conversationId: string; unreadCount: number }>;
}

/** Direct messages not read, and in groups the messages past the caller's read position. */
export class GetUnreadCount {
  constructor(private readonly deps: { messages: MessageRepository; conversations: ConversationRepository }) {}

  async execute(caller: AccessClaims): Result<UnreadCount> {
    const [direct, inGroups] = await Promise.all([
      this.deps.messages.countUnreadByConversation(caller.userId),
      this.countInGroups(caller.userId),
    ]);
    const conversations = [...direct, ...inGroups].map(([conversationId, unreadCount]) => ({
      conversationId,
      unreadCount,
    }));
    return ok({ unreadCount: conversations.reduce((sum, c) => sum + c.unreadCount, 0), conversations });
  }

  private async countInGroups(userId: string): Promise<Map<string, number>> {
    const { conversations, messages } = this.deps;
    const readSeqs = await conversations.readPositions(userId);
    return readSeqs.size === 0 ? new Map() : messages.countUnreadAfterEach(userId, readSeqs);
  }
}
