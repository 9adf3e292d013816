import * as t from 'io-ts';
import type { Change } from '../../../ports/change-log.js';
import { dateCodec } from './codecs.js';

const messageChange = t.type({
  type: t.union([t.literal('message_created'), t.literal('message_edited'), t.literal('message_deleted')]),
  messageId: t.string,
});
// `userId` only in a group (a direct message has one receiver); absent in changes stored before groups.
const deliveredChange = t.intersection([
  t.type({ type: t.literal('message_delivered'), messageId: t.string }),
  t.partial({ userId: t.string }),
]);
const readChange = t.type({ type: t.literal('message_read'), messageId: t.string, readerId: t.string });
const reactionChange = t.type({
  type: t.union([t.literal('reaction_added'), t.literal('reaction_removed')]),
  messageId: t.string,
  userId: t.string,
  emoji: t.string,
});
const conversationChange = t.type({
  type: t.union([t.literal('conversation_created'), t.literal('conversation_updated')]),
});
const memberChange = t.type({
  type: t.union([t.literal('member_added'), t.literal('member_removed')]),
  userId: t.string,
});

const recorded = t.type({ _id: t.string, conversationId: t.string, pos: t.number, at: dateCodec });

/** A change as stored: its key is the `_id`, so a key is recorded once on any server. */
export const ChangeDocument = t.union([
  t.exact(t.intersection([recorded, messageChange])),
  t.exact(t.intersection([recorded, deliveredChange])),
  t.exact(t.intersection([recorded, readChange])),
  t.exact(t.intersection([recorded, reactionChange])),
  t.exact(t.intersection([recorded, conversationChange])),
  t.exact(t.intersection([recorded, memberChange])),
]);
export type ChangeDocument = t.TypeOf<typeof ChangeDocument>;

export const changeToDocument = ({ key, ...rest }: Change): ChangeDocument => ({ _id: key, ...rest });

export const changeFromDocument = ({ _id, ...rest }: ChangeDocument): Change => ({ key: _id, ...rest });
