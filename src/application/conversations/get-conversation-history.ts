import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { validation, type AppError } from '../../domain/errors.js';
import type { Conversation } from '../../domain/conversation.js';
import type { MessageView } from '../../domain/message.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { HistoryPage, HistoryQuery, MessageRepository } from '../../ports/message-repository.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { IntInRange, MessageCursor } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { MessageViews } from '../messages/message-views.js';
import { findOwnConversation } from './conversation-access.js';

export const HistoryQueryInput = t.exact(
  t.partial({
    limit: IntInRange('Limit', 1, 100),
    before: MessageCursor,
    after: MessageCursor,
    page: IntInRange('Page', 1, 1000),
  }),
);

const cursorText = (cursor: MessageCursor): string => ('seq' in cursor ? String(cursor.seq) : cursor.id);

export interface HistorySlice {
  /** Oldest first. */
  readonly messages: MessageView[];
  readonly hasMore: boolean;
  /** Pass as `before` for older messages (null when there are none). */
  readonly nextBefore: string | null;
  /** Pass as `after` for messages newer than this slice (the cursor given, when the slice is empty). */
  readonly nextAfter: string | null;
}

/**
 * Cursor pagination by position: stable while messages arrive, and gap-free
 * across processes (ids are not: two processes do not make them in the order
 * they store). A message id given as a cursor stands for its position.
 * `page` is accepted for page-numbered clients and walks the cursor from the
 * newest message, so it costs one query per page.
 */
export class GetConversationHistory {
  constructor(
    private readonly deps: { conversations: ConversationRepository; messages: MessageRepository; views: MessageViews },
  ) {}

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
    const [floor, beforeSeq, afterSeq] = await Promise.all([
      this.floorOf(conversation.right, caller.userId),
      this.positionOf(conversationId, 'before', before),
      this.positionOf(conversationId, 'after', after),
    ]);
    if (E.isLeft(beforeSeq)) return beforeSeq;
    if (E.isLeft(afterSeq)) return afterSeq;

    let slice = await this.load(conversationId, {
      limit,
      floor,
      ...(beforeSeq.right === undefined ? {} : { before: beforeSeq.right }),
      ...(afterSeq.right === undefined ? {} : { after: afterSeq.right }),
    });
    for (let p = 2; p <= (page ?? 1) && slice.messages.length > 0; p += 1) {
      slice = await this.load(conversationId, { limit, floor, before: slice.messages[0]!.seq });
    }
    const first = slice.messages[0];
    const last = slice.messages[slice.messages.length - 1];
    const olderExist = after ? first !== undefined : slice.hasMore;
    return ok({
      messages: await this.deps.views.of(slice.messages, caller.userId),
      hasMore: slice.hasMore,
      nextBefore: olderExist && first ? first.id : null,
      nextAfter: last?.id ?? (after ? cursorText(after) : null),
    });
  }

  /** A group member sees the messages after the position the group had when they joined. */
  private async floorOf(conversation: Conversation, userId: string): Promise<number> {
    if (conversation.kind !== 'group') return 0;
    return (
      (await this.deps.conversations.membership(conversation.id, userId))?.joinedAfterSeq ?? Number.MAX_SAFE_INTEGER
    );
  }

  /** The position a cursor stands for; a message id must name a message of this conversation. */
  private async positionOf(
    conversationId: string,
    field: 'before' | 'after',
    cursor: MessageCursor | undefined,
  ): Promise<E.Either<AppError, number | undefined>> {
    if (cursor === undefined) return ok(undefined);
    if ('seq' in cursor) return ok(cursor.seq);
    const message = await this.deps.messages.findById(cursor.id);
    if (message?.conversationId === conversationId) return ok(message.seq);
    return fail(validation('Validation failed', [{ field, message: 'is not a message of this conversation' }]));
  }

  private load(conversationId: string, query: HistoryQuery): Promise<HistoryPage> {
    return this.deps.messages.history(conversationId, query);
  }
}
