import * as E from 'fp-ts/lib/Either.js';
import { isParticipant, type Conversation } from '../../domain/conversation.js';
import { notFound, type AppError } from '../../domain/errors.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import { IdString } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';

/** A conversation the user takes part in; to anyone else it does not exist (404, not 403). */
export const findOwnConversation = async (
  conversations: ConversationRepository,
  userId: string,
  rawConversationId: unknown,
): Promise<E.Either<AppError, Conversation>> => {
  const id = decodeInput(IdString, rawConversationId);
  if (E.isLeft(id)) return id;
  const conversation = await conversations.findById(id.right);
  return conversation && isParticipant(conversation, userId)
    ? E.right(conversation)
    : E.left(notFound('Conversation not found'));
};
