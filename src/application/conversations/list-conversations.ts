import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { IntInRange } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { paginationOf, type Pagination } from '../shared/pagination.js';
import { ok, type Result } from '../shared/result.js';
import type { ConversationSummaries, ConversationSummary } from './conversation-summaries.js';

export const ListConversationsQuery = t.exact(
  t.partial({ page: IntInRange('Page', 1, 100_000), limit: IntInRange('Limit', 1, 100) }),
);

export class ListConversations {
  constructor(private readonly deps: { conversations: ConversationRepository; summaries: ConversationSummaries }) {}

  async execute(
    caller: AccessClaims,
    rawQuery: unknown,
  ): Result<{ conversations: ConversationSummary[]; pagination: Pagination }> {
    const query = decodeInput(ListConversationsQuery, rawQuery);
    if (E.isLeft(query)) return query;
    const page = query.right.page ?? 1;
    const limit = query.right.limit ?? 20;
    const { conversations, total } = await this.deps.conversations.listForUser(caller.userId, page, limit);
    return ok({
      conversations: await this.deps.summaries.summarise(caller.userId, conversations),
      pagination: paginationOf(page, limit, total),
    });
  }
}
