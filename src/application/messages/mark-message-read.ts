import * as E from 'fp-ts/lib/Either.js';
import { forbidden } from '../../domain/errors.js';
import type { MessageView } from '../../domain/message.js';
import type { MessageViews } from './message-views.js';
import type { Clock } from '../../ports/clock.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { IdString } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import { findOwnMessage } from './message-access.js';
import type { ChangeRecording } from '../sync/change-recording.js';
import { changeCursor } from '../sync/sync-cursor.js';

/** Only the receiver marks a message read; marking twice keeps the first time. */
export class MarkMessageRead {
  constructor(
    private readonly deps: {
      messages: MessageRepository;
      recording: ChangeRecording;
      notifier: RealtimeNotifier;
      clock: Clock;
      views: MessageViews;
    },
  ) {}

  async execute(caller: AccessClaims, rawMessageId: unknown): Result<{ message: MessageView }> {
    const messageId = decodeInput(IdString, rawMessageId);
    if (E.isLeft(messageId)) return messageId;
    const { messages, recording, notifier, clock } = this.deps;
    const found = await findOwnMessage(messages, caller.userId, messageId.right);
    if (E.isLeft(found)) return found;
    const message = found.right;
    if (message.receiverId !== caller.userId) return fail(forbidden('Only the receiver can mark a message read'));
    if (message.readAt) {
      // Read before: recorded again in case that run died before recording (a key is recorded once).
      await recording.messageRead(message, caller.userId, message.readAt);
      return ok({ message: await this.deps.views.one(message, caller.userId) });
    }

    const updated = (await messages.markRead(message.id, caller.userId, clock.now())) ?? message;
    if (updated.readAt) {
      const change = await recording.messageRead(updated, caller.userId, updated.readAt);
      notifier.toUser(message.senderId, 'message_read', {
        messageId: message.id,
        conversationId: message.conversationId,
        readerId: caller.userId,
        readAt: updated.readAt.toISOString(),
        cursor: changeCursor(change.conversationId, change.pos),
      });
    }
    return ok({ message: await this.deps.views.one(updated, caller.userId) });
  }
}
