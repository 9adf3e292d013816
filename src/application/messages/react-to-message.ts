import * as E from 'fp-ts/lib/Either.js';
import { conflict } from '../../domain/errors.js';
import type { MessageView } from '../../domain/message.js';
import { MAX_DISTINCT_REACTIONS } from '../../domain/reaction.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { ReactionRepository } from '../../ports/reaction-repository.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { IdString, ReactionEmoji } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import { findOwnMessage } from './message-access.js';
import type { ChangeRecording } from '../sync/change-recording.js';
import { changeCursor } from '../sync/sync-cursor.js';
import type { MessageViews } from './message-views.js';

export interface Reacted {
  readonly message: MessageView;
  /** The reaction's place in the change feed; null when nothing changed (already there, or already gone). */
  readonly cursor: string | null;
}

/** Participants add and remove emoji on a message; both are idempotent. */
export class ReactToMessage {
  constructor(
    private readonly deps: {
      messages: MessageRepository;
      conversations: ConversationRepository;
      reactions: ReactionRepository;
      recording: ChangeRecording;
      notifier: RealtimeNotifier;
      views: MessageViews;
      clock: Clock;
    },
  ) {}

  add(caller: AccessClaims, rawMessageId: unknown, rawEmoji: unknown): Result<Reacted> {
    return this.change(caller, rawMessageId, rawEmoji, true);
  }

  remove(caller: AccessClaims, rawMessageId: unknown, rawEmoji: unknown): Result<Reacted> {
    return this.change(caller, rawMessageId, rawEmoji, false);
  }

  private async change(
    caller: AccessClaims,
    rawMessageId: unknown,
    rawEmoji: unknown,
    added: boolean,
  ): Result<Reacted> {
    const messageId = decodeInput(IdString, rawMessageId);
    if (E.isLeft(messageId)) return messageId;
    const emoji = decodeInput(ReactionEmoji, rawEmoji);
    if (E.isLeft(emoji)) return emoji;
    const { messages, reactions, recording, notifier, views, clock } = this.deps;
    const found = await findOwnMessage(this.deps, caller.userId, messageId.right);
    if (E.isLeft(found)) return found;
    const { message, audience } = found.right;
    if (message.deletedAt) return fail(conflict('A deleted message takes no reactions'));

    const reaction = {
      messageId: message.id,
      conversationId: message.conversationId,
      userId: caller.userId,
      emoji: emoji.right,
      at: clock.now(),
    };
    let changed: boolean;
    if (added) {
      const result = await reactions.add(reaction, MAX_DISTINCT_REACTIONS);
      if (result === 'full') {
        return fail(conflict(`A message takes at most ${MAX_DISTINCT_REACTIONS} different reactions`));
      }
      changed = result === 'added';
    } else {
      changed = await reactions.remove(message.id, caller.userId, emoji.right);
    }
    if (!changed) return ok({ message: await views.one(message, caller.userId), cursor: null });

    const change = await recording.reaction(message, caller.userId, emoji.right, added);
    const cursor = changeCursor(change.conversationId, change.pos);
    for (const userId of audience) {
      notifier.toUser(userId, 'message_reaction', {
        messageId: message.id,
        conversationId: message.conversationId,
        emoji: emoji.right,
        userId: caller.userId,
        added,
        cursor,
      });
    }
    return ok({ message: await views.one(message, caller.userId), cursor });
  }
}
