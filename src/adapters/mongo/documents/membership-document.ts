import * as t from 'io-ts';
import type { Membership } from '../../../domain/membership.js';
import { dateCodec, nullable, objectIdCodec } from './codecs.js';

/** One per group and user (unique index): a member who leaves and comes back keeps the same document. */
export const MembershipDocument = t.exact(
  t.type({
    _id: objectIdCodec,
    conversationId: t.string,
    userId: t.string,
    joinedAt: dateCodec,
    joinedAfterSeq: t.number,
    leftAt: nullable(dateCodec),
    readSeq: t.number,
    deliveredSeq: t.number,
  }),
);
export type MembershipDocument = t.TypeOf<typeof MembershipDocument>;

export const membershipFromDocument = ({ _id, ...membership }: MembershipDocument): Membership => membership;
