import * as E from 'fp-ts/lib/Either.js';
import type { Conversation } from '../../domain/conversation.js';
import { forbidden, validation, type AppError } from '../../domain/errors.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import { findOwnConversation } from '../conversations/conversation-access.js';

/** A group the user is a current member of (404 to anyone else); a direct conversation has no group settings (400). */
export const findOwnGroup = async (
  conversations: ConversationRepository,
  userId: string,
  rawConversationId: unknown,
): Promise<E.Either<AppError, Conversation>> => {
  const found = await findOwnConversation(conversations, userId, rawConversationId);
  if (E.isLeft(found) || found.right.kind === 'group') return found;
  return E.left(validation('Only a group has a title and members to change'));
};

/** A group whose owner is the user: members who are not get 403. */
export const findOwnedGroup = async (
  conversations: ConversationRepository,
  userId: string,
  rawConversationId: unknown,
): Promise<E.Either<AppError, Conversation>> => {
  const group = await findOwnGroup(conversations, userId, rawConversationId);
  if (E.isLeft(group) || group.right.ownerId === userId) return group;
  return E.left(forbidden('Only the owner of the group can do this'));
};
