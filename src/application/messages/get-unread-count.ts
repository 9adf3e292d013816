import type { MessageRepository } from '../../ports/message-repository.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { ok, type Result } from '../shared/result.js';

export interface UnreadCount {
  readonly unreadCount: number;
  readonly conversations: ReadonlyArray<{ conversationId: string; unreadCount: number }>;
}

export class GetUnreadCount {
  constructor(private readonly deps: { messages: MessageRepository }) {}

  async execute(caller: AccessClaims): Result<UnreadCount> {
    const perConversation = await this.deps.messages.countUnreadByConversation(caller.userId);
    const conversations = [...perConversation].map(([conversationId, unreadCount]) => ({
      conversationId,
      unreadCount,
    }));
    return ok({ unreadCount: conversations.reduce((sum, c) => sum + c.unreadCount, 0), conversations });
  }
}
