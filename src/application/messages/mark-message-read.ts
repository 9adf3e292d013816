import * as E from 'fp-ts/lib/Either.js';
import { forbidden } from '../../domain/errors.js';
import type { Message, MessageView } from '../../domain/message.js';
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
import { announceRead } from './read-receipts.js';

/**
 * Only a receiver marks a message read. A direct message keeps the first
 * time; in a group the reader's read position moves up to it (never down).
 */
export class MarkMessageRead {
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
    const found = await findOwnMessage(this.deps, caller.userId, messageId.right);
    if (E.isLeft(found)) return found;
    const { message, audience } = found.right;
    if (message.senderId === caller.userId) return fail(forbidden('Only a receiver can mark a message read'));
    const read =
      message.receiverId === null
        ? await this.readInGroup(message, caller.userId, audience)
        : await this.readDirect(message, caller.userId);
    return ok({ message: await this.deps.views.one(read, caller.userId) });
  }

  private async readDirect(message: Message, readerId: string): Promise<Message> {
    const { messages, recording, clock } = this.deps;
    if (message.readAt) {
      // Read before: recorded again in case that run died before recording (a key is recorded once).
      await recording.messageRead(message, readerId, message.readAt);
      return message;
    }
    const updated = (await messages.markRead(message.id, readerId, clock.now())) ?? message;
    if (updated.readAt) await announceRead(this.deps, updated, readerId, updated.readAt, [message.senderId]);
    return updated;
  }

  private async readInGroup(message: Message, readerId: string, audience: readonly string[]): Promise<Message> {
    const readAt = this.deps.clock.now();
    if (await this.deps.conversations.advanceRead(message.conversationId, readerId, message.seq)) {
      await announceRead(this.deps, message, readerId, readAt, audience);
    }
    return message;
  }
}
