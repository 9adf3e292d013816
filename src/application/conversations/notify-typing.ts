import * as E from 'fp-ts/lib/Either.js';
import { othersOf } from '../../domain/conversation.js';
import type { BlockRepository } from '../../ports/block-repository.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { ok, type Result } from '../shared/result.js';
import { findOwnConversation } from './conversation-access.js';

/** Tells the other participants that the caller started or stopped typing. */
export class NotifyTyping {
  constructor(
    private readonly deps: {
      conversations: ConversationRepository;
      blocks: BlockRepository;
      notifier: RealtimeNotifier;
    },
  ) {}

  async execute(
    caller: AccessClaims,
    rawConversationId: unknown,
    isTyping: boolean,
  ): Result<{ conversationId: string }> {
    const conversation = await findOwnConversation(this.deps.conversations, caller.userId, rawConversationId);
    if (E.isLeft(conversation)) return conversation;
    const conversationId = conversation.right.id;
    const others = othersOf(conversation.right, caller.userId);
    // Between users where either blocks the other, typing is not shown (in a group too).
    const blocked = await this.deps.blocks.blockedEitherWay(caller.userId, others);
    for (const other of others) {
      if (!blocked.has(other))
        this.deps.notifier.toUser(other, 'user_typing', { conversationId, userId: caller.userId, isTyping });
    }
    return ok({ conversationId });
  }
}
