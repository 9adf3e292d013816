import * as E from 'fp-ts/lib/Either.js';
import { forbidden } from '../../domain/errors.js';
import type { MessageView } from '../../domain/message.js';
import type { MessageViews } from './message-views.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { IdString } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import { findOwnMessage } from './message-access.js';
import type { ChangeRecording } from '../sync/change-recording.js';
import { changeCursor } from '../sync/sync-cursor.js';

/** Soft delete by the sender: the content disappears everywhere, the message stays in the history. */
export class DeleteMessage {
  constructor(
    private readonly deps: {
      messages: MessageRepository;
      conversations: ConversationRepository;
      recording: ChangeRecording;
      notifier: RealtimeNotifier;
      clock: Clock;
      views: MessageViews;
    },
  ) {}

  async execute(caller: AccessClaims, rawMessageId: unknown): Result<{ message: MessageView }> {
    const messageId = decodeInput(IdString, rawMessageId);
    if (E.isLeft(messageId)) return messageId;
    const { messages, conversations, recording, notifier, clock } = this.deps;
    const found = await findOwnMessage(this.deps, caller.userId, messageId.right);
    if (E.isLeft(found)) return found;
    const { message, audience } = found.right;
    if (message.senderId !== caller.userId) return fail(forbidden('Only the sender can delete a message'));
    if (message.deletedAt) {
      // Deleted before: recorded again in case that run died before recording (a key is recorded once).
      await recording.messageDeleted(message, message.deletedAt);
      return ok({ message: await this.deps.views.one(message, caller.userId) });
    }

    const deleted = (await messages.softDelete(message.id, caller.userId, clock.now())) ?? message;
    const wasLast = await conversations.markLastMessageDeleted(message.conversationId, message.id);
    const deletedAt = deleted.deletedAt ?? clock.now();
    const change = await recording.messageDeleted(deleted, deletedAt);
    if (wasLast) await recording.conversationUpdated(message.conversationId, deletedAt, `deleted:${message.id}`);
    for (const userId of audience) {
      if (userId === caller.userId) continue;
      notifier.toUser(userId, 'message_deleted', {
        messageId: message.id,
        conversationId: message.conversationId,
        cursor: changeCursor(change.conversationId, change.pos),
      });
    }
    return ok({ message: await this.deps.views.one(deleted, caller.userId) });
  }
}
