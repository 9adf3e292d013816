import * as t from 'io-ts';
import type { AutoMessagePlan } from '../../../domain/auto-message.js';
import { dateCodec } from './codecs.js';

const PlannedPairDocument = t.exact(
  t.type({ senderId: t.string, receiverId: t.string, content: t.string, sendAt: dateCodec }),
);

/** One plan per day: the day is the `_id`, so a second plan for it is a duplicate key. */
export const AutoMessagePlanDocument = t.exact(
  t.type({
    _id: t.string,
    pairs: t.array(PlannedPairDocument),
    createdAt: dateCodec,
  }),
);
export type AutoMessagePlanDocument = t.TypeOf<typeof AutoMessagePlanDocument>;

export const planPairsToDocument = (plan: AutoMessagePlan): AutoMessagePlanDocument['pairs'] =>
  plan.pairs.map(({ senderId, receiverId, content, sendAt }) => ({ senderId, receiverId, content, sendAt }));

export const planFromDocument = ({ _id, pairs, createdAt }: AutoMessagePlanDocument): AutoMessagePlan => ({
  day: _id,
  pairs,
  createdAt,
});
