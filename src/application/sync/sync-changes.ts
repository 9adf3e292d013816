import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { conversationView, type ConversationView } from '../../domain/conversation.js';
import { cursorExpired } from '../../domain/errors.js';
import type { Message, MessageView } from '../../domain/message.js';
import type { MessageViews } from '../messages/message-views.js';
import type { Change, ChangeLog, ChangeType, Positions } from '../../ports/change-log.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { IntInRange } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import { changeCursor, formatCursor, parseCursor, type SyncCursor } from './sync-cursor.js';

const CursorText = new t.Type<SyncCursor, string, unknown>(
  'SyncCursor',
  (u): u is SyncCursor => u instanceof Map,
  (u, c) => {
    const cursor = typeof u === 'string' ? parseCursor(u) : null;
    return cursor
      ? t.success(cursor)
      : t.failure(u, c, 'must be a cursor this server gave (conversationId:position, …)');
  },
  formatCursor,
);

export const SyncQueryInput = t.exact(t.partial({ since: CursorText, limit: IntInRange('Limit', 1, 500) }));

export interface ChangeView {
  /** This change's place: `<conversationId>:<position>`. */
  readonly cursor: string;
  readonly type: ChangeType;
  readonly conversationId: string;
  readonly at: string;
  readonly data: ChangeData;
}

/** What the change concerns, as it is now: deleted content is gone from every change. */
export type ChangeData =
  | { readonly message: MessageView }
  | { readonly message: MessageView; readonly readerId: string }
  | { readonly message: MessageView; readonly userId: string; readonly emoji: string }
  /** message_delivered in a group: the member it reached. */
  | { readonly message: MessageView; readonly userId: string }
  | { readonly conversation: ConversationView }
  /** member_added, member_removed: who joined or left. */
  | { readonly conversation: ConversationView; readonly userId: string };

export interface SyncPage {
  readonly changes: ChangeView[];
  /** Pass as `since` for what comes after this page. */
  readonly nextCursor: string;
  readonly hasMore: boolean;
}

const DEFAULT_LIMIT = 100;

/**
 * The change feed: every change of the caller's conversations past a cursor,
 * each once and in order within its conversation. Positions are gap-free
 * per conversation (see ChangeLog.record), so a change past the one a cursor
 * names that is missing can only have been pruned: the cursor has expired.
 */
export class SyncChanges {
  constructor(
    private readonly deps: {
      changes: ChangeLog;
      conversations: ConversationRepository;
      messages: MessageRepository;
      views: MessageViews;
    },
  ) {}

  async execute(caller: AccessClaims, rawQuery: unknown): Result<SyncPage> {
    const query = decodeInput(SyncQueryInput, rawQuery);
    if (E.isLeft(query)) return query;
    const { since, limit = DEFAULT_LIMIT } = query.right;
    const conversationIds = await this.deps.conversations.listIdsForUser(caller.userId);
    if (since === undefined) {
      const latest = await this.deps.changes.latestPositions(conversationIds);
      return ok({ changes: [], nextCursor: formatCursor(latest), hasMore: false });
    }
    const mine = new Set(conversationIds);
    const seen = new Map([...since].filter(([conversationId]) => mine.has(conversationId)));
    const page = await this.deps.changes.since(conversationIds, seen, limit);
    if (skipsPrunedChanges(page.changes, seen)) {
      return fail(cursorExpired('Changes past this cursor are no longer kept: reload from the history'));
    }
    const next = new Map(seen);
    for (const change of page.changes) next.set(change.conversationId, change.pos);
    return ok({
      changes: await this.viewsOf(page.changes, caller.userId),
      nextCursor: formatCursor(next),
      hasMore: page.hasMore,
    });
  }

  private async viewsOf(changes: readonly Change[], viewerId: string): Promise<ChangeView[]> {
    const messageIds = changes.flatMap((change) => ('messageId' in change ? [change.messageId] : []));
    const conversationIds = changes.flatMap((change) => ('messageId' in change ? [] : [change.conversationId]));
    const [found, conversations] = await Promise.all([
      this.deps.messages.findManyByIds(messageIds),
      Promise.all([...new Set(conversationIds)].map((id) => this.deps.conversations.findById(id))),
    ]);
    const messages = await this.seenBy(found, viewerId);
    const views = await this.deps.views.of(messages, viewerId);
    const messageById = new Map(views.map((view) => [view.id, view]));
    const conversationById = new Map(
      conversations.flatMap((conversation) =>
        conversation ? [[conversation.id, conversationView(conversation)]] : [],
      ),
    );
    // Messages and conversations are never removed, so every subject is found; were one not, its change is left
    // out, as are the changes of group messages from before the viewer joined.
    return changes.flatMap((change) => {
      const data = dataOf(change, messageById, conversationById);
      if (!data) return [];
      return [
        {
          cursor: changeCursor(change.conversationId, change.pos),
          type: change.type,
          conversationId: change.conversationId,
          at: change.at.toISOString(),
          data,
        },
      ];
    });
  }

  /** Of these messages, those the viewer sees: a group member sees what came after joining. */
  private async seenBy(messages: readonly Message[], viewerId: string): Promise<Message[]> {
    const groupIds = [...new Set(messages.filter((m) => m.receiverId === null).map((m) => m.conversationId))];
    if (groupIds.length === 0) return [...messages];
    const memberships = await Promise.all(groupIds.map((id) => this.deps.conversations.membership(id, viewerId)));
    const floorOf = new Map(memberships.flatMap((m) => (m ? [[m.conversationId, m.joinedAfterSeq]] : [])));
    return messages.filter((m) => m.receiverId !== null || m.seq > (floorOf.get(m.conversationId) ?? Infinity));
  }
}

const dataOf = (
  change: Change,
  messages: ReadonlyMap<string, MessageView>,
  conversations: ReadonlyMap<string, ConversationView>,
): ChangeData | null => {
  switch (change.type) {
    case 'conversation_created':
    case 'conversation_updated': {
      const conversation = conversations.get(change.conversationId);
      return conversation ? { conversation } : null;
    }
    case 'member_added':
    case 'member_removed': {
      const conversation = conversations.get(change.conversationId);
      return conversation ? { conversation, userId: change.userId } : null;
    }
    default: {
      const message = messages.get(change.messageId);
      if (!message) return null;
      if (change.type === 'message_read') return { message, readerId: change.readerId };
      if (change.type === 'reaction_added' || change.type === 'reaction_removed') {
        return { message, userId: change.userId, emoji: change.emoji };
      }
      if (change.type === 'message_delivered' && change.userId !== undefined) return { message, userId: change.userId };
      return { message };
    }
  }
};

/** The first change of a conversation the reader has seen into must follow what it saw. */
const skipsPrunedChanges = (changes: readonly Change[], seen: Positions): boolean => {
  const checked = new Set<string>();
  for (const change of changes) {
    if (checked.has(change.conversationId)) continue;
    checked.add(change.conversationId);
    const from = seen.get(change.conversationId);
    if (from !== undefined && change.pos !== from + 1) return true;
  }
  return false;
};
