import * as t from 'io-ts';
import type { Conversation, LastMessage } from '../../../domain/conversation.js';
import { dateCodec, nullable, objectIdCodec } from './codecs.js';

const MessageTypeCodec = t.keyof({ text: null, auto: null });

export const LastMessageDocument = t.exact(
  t.type({
    id: t.string,
    seq: t.number,
    senderId: t.string,
    preview: t.string,
    messageType: MessageTypeCodec,
    createdAt: dateCodec,
    isDeleted: t.boolean,
  }),
);

const sharedFields = t.partial({ lastMessage: nullable(LastMessageDocument), mutes: t.record(t.string, dateCodec) });

/**
 * `lastMessage` is absent until the first message. (It is not stored as null:
 * FerretDB v1 drops null fields from an upsert's $setOnInsert, so a document
 * could not be relied on to carry one.) `kind` is absent in conversations
 * stored before groups: they are all direct.
 */
export const DirectConversationDocument = t.exact(
  t.intersection([
    t.type({
      _id: objectIdCodec,
      participants: t.tuple([t.string, t.string]),
      participantKey: t.string,
      lastActivityAt: dateCodec,
      createdAt: dateCodec,
    }),
    t.partial({ kind: t.literal('direct') }),
    sharedFields,
  ]),
);

/**
 * A group has no `participants` and no `participantKey`: its members are its
 * memberships, and the sparse unique index on `participantKey` skips it.
 */
export const GroupConversationDocument = t.exact(
  t.intersection([
    t.type({
      _id: objectIdCodec,
      kind: t.literal('group'),
      title: t.string,
      ownerId: t.string,
      lastActivityAt: dateCodec,
      createdAt: dateCodec,
    }),
    sharedFields,
  ]),
);

export const ConversationDocument = t.union([GroupConversationDocument, DirectConversationDocument]);
export type ConversationDocument = t.TypeOf<typeof ConversationDocument>;

/**
 * A mute until unmuted is stored as this date: a field holding null cannot be
 * relied on (FerretDB v1 drops nulls in places), and a date keeps one shape.
 */
export const MUTED_UNTIL_UNMUTED = new Date('9999-12-31T00:00:00.000Z');

const mutesFromDocument = (mutes: Record<string, Date> = {}): Record<string, Date | null> =>
  Object.fromEntries(
    Object.entries(mutes).map(([userId, until]) => [
      userId,
      until.getTime() === MUTED_UNTIL_UNMUTED.getTime() ? null : until,
    ]),
  );

/** What is stored as `lastMessage`: exactly the domain fields, nothing the caller may have added. */
export const lastMessageToDocument = (lastMessage: LastMessage): t.TypeOf<typeof LastMessageDocument> => ({
  id: lastMessage.id,
  seq: lastMessage.seq,
  senderId: lastMessage.senderId,
  preview: lastMessage.preview,
  messageType: lastMessage.messageType,
  createdAt: lastMessage.createdAt,
  isDeleted: lastMessage.isDeleted,
});

/** `members`: a group's current members, longest-standing first (ignored for a direct conversation). */
export const conversationFromDocument = (document: ConversationDocument, members: readonly string[]): Conversation => {
  const shared = {
    id: document._id.toHexString(),
    lastMessage: document.lastMessage ?? null,
    lastActivityAt: document.lastActivityAt,
    createdAt: document.createdAt,
    mutes: mutesFromDocument(document.mutes),
  };
  if (document.kind === 'group') {
    const { title, ownerId } = document;
    return { ...shared, kind: 'group', participants: [...members], participantKey: null, title, ownerId };
  }
  const { participants, participantKey } = document;
  return { ...shared, kind: 'direct', participants: [...participants], participantKey, title: null, ownerId: null };
};
