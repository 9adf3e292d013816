import * as E from 'fp-ts/lib/Either.js';
import { notFound, type AppError } from '../../domain/errors.js';
import { canSee } from '../../domain/membership.js';
import type { Message } from '../../domain/message.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { MessageRepository } from '../../ports/message-repository.js';

export interface VisibleMessage {
  readonly message: Message;
  /** Everyone who sees it now: its sender and receiver, or the group's current members who joined before it. */
  readonly audience: readonly string[];
}

/** Who sees the message now. */
export const audienceOf = async (conversations: ConversationRepository, message: Message): Promise<string[]> => {
  if (message.receiverId !== null) return [message.senderId, message.receiverId];
  const members = await conversations.activeMembers(message.conversationId);
  return members.filter((member) => canSee(member, message.seq)).map((member) => member.userId);
};

/** A message the user sees; to anyone else it does not exist (404, not 403). */
export const findOwnMessage = async (
  stores: { messages: MessageRepository; conversations: ConversationRepository },
  userId: string,
  messageId: string,
): Promise<E.Either<AppError, VisibleMessage>> => {
  const message = await stores.messages.findById(messageId);
  const audience = message ? await audienceOf(stores.conversations, message) : [];
  return message && audience.includes(userId) ? E.right({ message, audience }) : E.left(notFound('Message not found'));
};
