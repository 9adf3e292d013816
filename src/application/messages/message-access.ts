import * as E from 'fp-ts/lib/Either.js';
import { notFound, type AppError } from '../../domain/errors.js';
import type { Message } from '../../domain/message.js';
import type { MessageRepository } from '../../ports/message-repository.js';

/** A message the user sent or received; to anyone else it does not exist (404, not 403). */
export const findOwnMessage = async (
  messages: MessageRepository,
  userId: string,
  messageId: string,
): Promise<E.Either<AppError, Message>> => {
  const message = await messages.findById(messageId);
  return message && (message.receiverId === userId || message.senderId === userId)
    ? E.right(message)
    : E.left(notFound('Message not found'));
};
