import * as E from 'fp-ts/lib/Either.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { ok, type Result } from '../shared/result.js';
import { findOwnConversation } from './conversation-access.js';
import type { ConversationSummaries, ConversationSummary } from './conversation-summaries.js';

export class GetConversation {
  constructor(private readonly deps: { conversations: ConversationRepository; summaries: ConversationSummaries }) {}

  async execute(caller: AccessClaims, rawConversationId: unknown): Result<{ conversation: ConversationSummary }> {
    const conversation = await findOwnConversation(this.deps.conversations, caller.userId, rawConversationId);
    if (E.isLeft(conversation)) return conversation;
    const [summary] = await this.deps.summaries.summarise(caller.userId, [conversation.right]);
    return ok({ conversation: summary as ConversationSummary });
  }
}
