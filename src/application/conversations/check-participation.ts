import * as E from 'fp-ts/lib/Either.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { ok, type Result } from '../shared/result.js';
import { findOwnConversation } from './conversation-access.js';

/** Answers whether the caller may join a conversation's room. */
export class CheckParticipation {
  constructor(private readonly deps: { conversations: ConversationRepository }) {}

  async execute(caller: AccessClaims, rawConversationId: unknown): Result<{ conversationId: string }> {
    const conversation = await findOwnConversation(this.deps.conversations, caller.userId, rawConversationId);
    return E.isLeft(conversation) ? conversation : ok({ conversationId: conversation.right.id });
  }
}
