import * as E from 'fp-ts/lib/Either.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { ok, type Result } from '../shared/result.js';
import type { ChangeRecording } from '../sync/change-recording.js';
import { changeCursor } from '../sync/sync-cursor.js';
import { findOwnConversation } from './conversation-access.js';

export class MarkConversationRead {
  constructor(
    private readonly deps: {
      conversations: ConversationRepository;
      messages: MessageRepository;
      recording: ChangeRecording;
      notifier: RealtimeNotifier;
      clock: Clock;
    },
  ) {}

  async execute(caller: AccessClaims, rawConversationId: unknown): Result<{ markedCount: number }> {
    const conversation = await findOwnConversation(this.deps.conversations, caller.userId, rawConversationId);
    if (E.isLeft(conversation)) return conversation;
    const readAt = this.deps.clock.now();
    const marked = await this.deps.messages.markConversationRead(conversation.right.id, caller.userId, readAt);
    const conversationId = conversation.right.id;
    for (const message of marked) {
      const change = await this.deps.recording.messageRead({ ...message, conversationId }, caller.userId, readAt);
      this.deps.notifier.toUser(message.senderId, 'message_read', {
        messageId: message.id,
        conversationId,
        readerId: caller.userId,
        readAt: readAt.toISOString(),
        cursor: changeCursor(change.conversationId, change.pos),
      });
    }
    return ok({ markedCount: marked.length });
  }
}
