import * as t from 'io-ts';
import { dateCodec } from './codecs.js';

/** One user blocking another; the `_id` names both, so a second block collides on any server. */
export const BlockDocument = t.exact(
  t.type({
    _id: t.string,
    blockerId: t.string,
    blockedId: t.string,
    at: dateCodec,
  }),
);
export type BlockDocument = t.TypeOf<typeof BlockDocument>;

export const blockKey = (blockerId: string, blockedId: string): string => `${blockerId}:${blockedId}`;
