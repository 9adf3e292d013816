import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { validation } from '../../domain/errors.js';
import { messageView, type MessageView } from '../../domain/message.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { HistoryPage, HistoryQuery, MessageRepository } from '../../ports/message-repository.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { IdString, IntInRange } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import { findOwnConversation } from './conversation-access.js';

export const HistoryQueryInput = t.exact(
  t.partial({
    limit: IntInRange('Limit', 1, 100),
    before: IdString,
    after: IdString,
    page: IntInRange('Page', 1, 1000),
  }),
);

export interface HistorySlice {
  /** Oldest first. */
  readonly messages: MessageView[];
  readonly hasMore: boolean;
  /** Pass as `before` for older messages (null when there are none). */
  readonly nextBefore: string | null;
  /** Pass as `after` for messages newer than this slice. */
  readonly nextAfter: string | null;
}

/**
 * Cursor pagination by message id: stable while messages arrive. `page` is
 * accepted for page-numbered clients and walks the cursor from the newest
 * message, so it costs one query per page.
 */
export class GetConversationHistory {
  constructor(private readonly deps: { conversations: ConversationRepository; messages: MessageRepository }) {}

  async execute(caller: AccessClaims, rawConversationId: unknown, rawQuery: unknown): Result<HistorySlice> {
    const query = decodeInput(HistoryQueryInput, rawQuery);
    if (E.isLeft(query)) return query;
    const { limit = 50, before, after, page } = query.right;
    if ([before, after, page].filter((v) => v !== undefined).length > 1) {
      return fail(
        validation('Use one of before, after or page', [
          { field: 'before', message: 'combine with neither after nor page' },
        ]),
      );
    }
    const conversation = await findOwnConversation(this.deps.conversations, caller.userId, rawConversationId);
    if (E.isLeft(conversation)) return conversation;
    const conversationId = conversation.right.id;

    let slice = await this.load(conversationId, { limit, ...(before ? { before } : {}), ...(after ? { after } : {}) });
    for (let p = 2; p <= (page ?? 1) && slice.messages.length > 0; p += 1) {
      slice = await this.load(conversationId, { limit, before: slice.messages[0]!.id });
    }
    const first = slice.messages[0];
    const last = slice.messages[slice.messages.length - 1];
    const olderExist = after ? first !== undefined : slice.hasMore;
    return ok({
      messages: slice.messages.map(messageView),
      hasMore: slice.hasMore,
      nextBefore: olderExist && first ? first.id : null,
      nextAfter: last?.id ?? after ?? null,
    });
  }

  private load(conversationId: string, query: HistoryQuery): Promise<HistoryPage> {
    return this.deps.messages.history(conversationId, query);
  }
}
