import * as t from 'io-ts';
import type { User } from '../../../domain/user.js';
import { requireObjectId } from '../object-ids.js';
import { dateCodec, nullable, objectIdCodec } from './codecs.js';

export const UserDocument = t.exact(
  t.type({
    _id: objectIdCodec,
    username: t.string,
    usernameLower: t.string,
    email: t.string,
    passwordHash: t.string,
    isActive: t.boolean,
    lastSeen: nullable(dateCodec),
    createdAt: dateCodec,
    updatedAt: dateCodec,
  }),
);
export type UserDocument = t.TypeOf<typeof UserDocument>;

export const userToDocument = (user: User): UserDocument => ({
  _id: requireObjectId(user.id),
  username: user.username,
  usernameLower: user.usernameLower,
  email: user.email,
  passwordHash: user.passwordHash,
  isActive: user.isActive,
  lastSeen: user.lastSeen,
  createdAt: user.createdAt,
  updatedAt: user.updatedAt,
});

export const userFromDocument = ({ _id, ...rest }: UserDocument): User => ({ id: _id.toHexString(), ...rest });
