import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { conflict, forbidden } from '../../domain/errors.js';
import { previewOf, type MessageView } from '../../domain/message.js';
import type { MessageViews } from './message-views.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { Content, IdString } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import { findOwnMessage } from './message-access.js';
import type { ChangeRecording } from '../sync/change-recording.js';
import { changeCursor } from '../sync/sync-cursor.js';

export const EditMessageInput = t.exact(t.type({ content: Content }));

export interface EditedMessage {
  readonly message: MessageView;
  /** The edit's place in the change feed; null when the content was already this (nothing changed). */
  readonly cursor: string | null;
}

/** The sender replaces the text of a message, within the edit window, unless it is deleted. */
export class EditMessage {
  constructor(
    private readonly deps: {
      messages: MessageRepository;
      conversations: ConversationRepository;
      recording: ChangeRecording;
      notifier: RealtimeNotifier;
      clock: Clock;
      views: MessageViews;
      /** 0: no limit. */
      editWindowSeconds: number;
    },
  ) {}

  async execute(caller: AccessClaims, rawMessageId: unknown, rawBody: unknown): Result<EditedMessage> {
    const messageId = decodeInput(IdString, rawMessageId);
    if (E.isLeft(messageId)) return messageId;
    const body = decodeInput(EditMessageInput, rawBody);
    if (E.isLeft(body)) return body;
    const { messages, conversations, recording, notifier, clock, views, editWindowSeconds } = this.deps;
    const found = await findOwnMessage(this.deps, caller.userId, messageId.right);
    if (E.isLeft(found)) return found;
    const { message, audience } = found.right;
    if (message.senderId !== caller.userId) return fail(forbidden('Only the sender can edit a message'));
    if (message.messageType !== 'text') return fail(forbidden('Automated messages cannot be edited'));
    if (message.deletedAt) return fail(conflict('A deleted message cannot be edited'));
    const now = clock.now();
    if (editWindowSeconds > 0 && now.getTime() - message.createdAt.getTime() > editWindowSeconds * 1000) {
      return fail(forbidden(`Messages can be edited for ${editWindowSeconds} seconds after sending`));
    }
    const { content } = body.right;
    if (content === message.content) return ok({ message: await views.one(message, caller.userId), cursor: null });

    const edited = await messages.edit(message.id, caller.userId, content, now);
    if (!edited || edited.deletedAt) return fail(conflict('A deleted message cannot be edited'));
    const wasLast = await conversations.recordLastMessageEdit(message.conversationId, message.id, previewOf(content));
    const change = await recording.messageEdited(edited, now);
    if (wasLast)
      await recording.conversationUpdated(message.conversationId, now, `edited:${message.id}:${now.getTime()}`);
    const cursor = changeCursor(change.conversationId, change.pos);
    // Each viewer's copy says whether they reacted.
    const viewed = await views.forViewers(edited, [...new Set([...audience, caller.userId])]);
    for (const userId of audience) notifier.toUser(userId, 'message_edited', { message: viewed.get(userId)!, cursor });
    return ok({ message: viewed.get(caller.userId)!, cursor });
  }
}
