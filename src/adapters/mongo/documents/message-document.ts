import * as t from 'io-ts';
import type { Message } from '../../../domain/message.js';
import { requireObjectId } from '../object-ids.js';
import { dateCodec, nullable, objectIdCodec } from './codecs.js';

/**
 * `senderClientKey` and `autoMessageId` exist only when set: each has a
 * single-field sparse unique index, which ignores documents without the field
 * (a stored null would be indexed, and collide).
 */
export const MessageDocument = t.exact(
  t.intersection([
    t.type({
      _id: objectIdCodec,
      conversationId: t.string,
      seq: t.number,
      senderId: t.string,
      // Null in a group.
      receiverId: nullable(t.string),
      content: t.string,
      messageType: t.keyof({ text: null, auto: null }),
      clientMessageId: nullable(t.string),
      createdAt: dateCodec,
      deliveredAt: nullable(dateCodec),
      readAt: nullable(dateCodec),
      deletedAt: nullable(dateCodec),
    }),
    t.partial({
      senderClientKey: t.string,
      autoMessageId: t.string,
      // Absent in messages stored before edits existed.
      editedAt: nullable(dateCodec),
    }),
  ]),
);
export type MessageDocument = t.TypeOf<typeof MessageDocument>;

export const senderClientKeyOf = (senderId: string, clientMessageId: string): string =>
  `${senderId}:${clientMessageId}`;

export const messageToDocument = (message: Message): MessageDocument => ({
  _id: requireObjectId(message.id),
  conversationId: message.conversationId,
  seq: message.seq,
  senderId: message.senderId,
  receiverId: message.receiverId,
  content: message.content,
  messageType: message.messageType,
  clientMessageId: message.clientMessageId,
  ...(message.clientMessageId === null
    ? {}
    : { senderClientKey: senderClientKeyOf(message.senderId, message.clientMessageId) }),
  ...(message.autoMessageId === null ? {} : { autoMessageId: message.autoMessageId }),
  createdAt: message.createdAt,
  deliveredAt: message.deliveredAt,
  readAt: message.readAt,
  deletedAt: message.deletedAt,
  editedAt: message.editedAt,
});

export const messageFromDocument = (document: MessageDocument): Message => ({
  id: document._id.toHexString(),
  conversationId: document.conversationId,
  seq: document.seq,
  senderId: document.senderId,
  receiverId: document.receiverId,
  content: document.content,
  messageType: document.messageType,
  clientMessageId: document.clientMessageId,
  autoMessageId: document.autoMessageId ?? null,
  createdAt: document.createdAt,
  deliveredAt: document.deliveredAt,
  readAt: document.readAt,
  deletedAt: document.deletedAt,
  editedAt: document.editedAt ?? null,
});
