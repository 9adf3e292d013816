import * as E from 'fp-ts/lib/Either.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { ok, type Result } from '../shared/result.js';
import { findOwnConversation } from './conversation-access.js';

export class MarkConversationRead {
  constructor(
    private readonly deps: {
      conversations: ConversationRepository;
      messages: MessageRepository;
      notifier: RealtimeNotifier;
      clock: Clock;
    },
  ) {}

  async execute(caller: AccessClaims, rawConversationId: unknown): Result<{ markedCount: number }> {
    const conversation = await findOwnConversation(this.deps.conversations, caller.userId, rawConversationId);
    if (E.isLeft(conversation)) return conversation;
    const readAt = this.deps.clock.now();
    const marked = await this.deps.messages.markConversationRead(conversation.right.id, caller.userId, readAt);
    for (const message of marked) {
      this.deps.notifier.toUser(message.senderId, 'message_read', {
        messageId: message.id,
        conversationId: conversation.right.id,
        readerId: caller.userId,
        readAt: readAt.toISOString(),
      });
    }
    return ok({ markedCount: marked.length });
  }
}
