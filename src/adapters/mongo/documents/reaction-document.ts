import * as t from 'io-ts';
import type { Reaction } from '../../../domain/reaction.js';
import { dateCodec } from './codecs.js';

/** One user's emoji on one message; the `_id` names all three, so a second add collides on any server. */
export const ReactionDocument = t.exact(
  t.type({
    _id: t.string,
    messageId: t.string,
    conversationId: t.string,
    userId: t.string,
    emoji: t.string,
    at: dateCodec,
  }),
);
export type ReactionDocument = t.TypeOf<typeof ReactionDocument>;

export const reactionKey = (messageId: string, userId: string, emoji: string): string =>
  `${messageId}:${userId}:${emoji}`;

export const reactionToDocument = (reaction: Reaction): ReactionDocument => ({
  _id: reactionKey(reaction.messageId, reaction.userId, reaction.emoji),
  ...reaction,
});

export const reactionFromDocument = ({ _id, ...reaction }: ReactionDocument): Reaction => reaction;
