import * as E from 'fp-ts/lib/Either.js';
import type { Conversation } from '../../domain/conversation.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { ok, type Result } from '../shared/result.js';
import type { ChangeRecording } from '../sync/change-recording.js';
import { announceRead } from '../messages/read-receipts.js';
import { findOwnConversation } from './conversation-access.js';

/**
 * Marks everything the caller received in the conversation read. In a group
 * that is one write, the read position moved to the last message, however
 * many messages it covers, and one receipt for that message.
 */
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
    if (conversation.right.kind === 'group') return ok(await this.readGroup(conversation.right, caller.userId, readAt));
    const conversationId = conversation.right.id;
    const marked = await this.deps.messages.markConversationRead(conversationId, caller.userId, readAt);
    for (const message of marked) {
      await announceRead(this.deps, { ...message, conversationId }, caller.userId, readAt, [message.senderId]);
    }
    return ok({ markedCount: marked.length });
  }

  private async readGroup(group: Conversation, readerId: string, readAt: Date): Promise<{ markedCount: number }> {
    const { conversations, messages } = this.deps;
    const last = group.lastMessage;
    const membership = await conversations.membership(group.id, readerId);
    if (!last || !membership || membership.readSeq >= last.seq) return { markedCount: 0 };
    const markedCount = await messages.countUnreadAfter(group.id, readerId, membership.readSeq);
    if (await conversations.advanceRead(group.id, readerId, last.seq)) {
      await announceRead(this.deps, { id: last.id, conversationId: group.id }, readerId, readAt, group.participants);
    }
    return { markedCount };
  }
}
