import * as t from 'io-ts';
import type { AutoMessage } from '../../../domain/auto-message.js';
import { requireObjectId } from '../object-ids.js';
import { dateCodec, nullable, objectIdCodec } from './codecs.js';

export const AutoMessageDocument = t.exact(
  t.type({
    _id: objectIdCodec,
    planKey: t.string,
    planDay: t.string,
    senderId: t.string,
    receiverId: t.string,
    content: t.string,
    sendAt: dateCodec,
    status: t.keyof({ planned: null, queued: null, sent: null, dead: null }),
    leaseUntil: nullable(dateCodec),
    retryCount: t.number,
    lastError: nullable(t.string),
    messageId: nullable(t.string),
    createdAt: dateCodec,
    queuedAt: nullable(dateCodec),
    sentAt: nullable(dateCodec),
  }),
);
export type AutoMessageDocument = t.TypeOf<typeof AutoMessageDocument>;

export const autoMessageToDocument = (item: AutoMessage): AutoMessageDocument => ({
  _id: requireObjectId(item.id),
  planKey: item.planKey,
  planDay: item.planDay,
  senderId: item.senderId,
  receiverId: item.receiverId,
  content: item.content,
  sendAt: item.sendAt,
  status: item.status,
  leaseUntil: item.leaseUntil,
  retryCount: item.retryCount,
  lastError: item.lastError,
  messageId: item.messageId,
  createdAt: item.createdAt,
  queuedAt: item.queuedAt,
  sentAt: item.sentAt,
});

export const autoMessageFromDocument = ({ _id, ...rest }: AutoMessageDocument): AutoMessage => ({
  id: _id.toHexString(),
  ...rest,
});
