import * as t from 'io-ts';
import type { RefreshSession } from '../../../domain/session.js';
import { requireObjectId } from '../object-ids.js';
import { dateCodec, nullable, objectIdCodec } from './codecs.js';

export const SessionDocument = t.exact(
  t.type({
    _id: objectIdCodec,
    userId: t.string,
    familyId: t.string,
    tokenHash: t.string,
    createdAt: dateCodec,
    expiresAt: dateCodec,
    rotatedAt: nullable(dateCodec),
    revokedAt: nullable(dateCodec),
  }),
);
export type SessionDocument = t.TypeOf<typeof SessionDocument>;

export const sessionToDocument = (session: RefreshSession): SessionDocument => ({
  _id: requireObjectId(session.id),
  userId: session.userId,
  familyId: session.familyId,
  tokenHash: session.tokenHash,
  createdAt: session.createdAt,
  expiresAt: session.expiresAt,
  rotatedAt: session.rotatedAt,
  revokedAt: session.revokedAt,
});

export const sessionFromDocument = ({ _id, ...rest }: SessionDocument): RefreshSession => ({
  id: _id.toHexString(),
  ...rest,
});
