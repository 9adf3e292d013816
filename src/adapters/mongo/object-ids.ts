import { ObjectId } from 'mongodb';
import { isId } from '../../domain/ids.js';

/** The ObjectId of a domain id, or null when it is not one (such an id matches nothing). */
export const toObjectId = (id: string): ObjectId | null => (isId(id) ? ObjectId.createFromHexString(id) : null);

/** For ids the caller must have validated (new rows): a malformed one is a programming error. */
export const requireObjectId = (id: string): ObjectId => {
  const objectId = toObjectId(id);
  if (!objectId) throw new Error(`Not a 24-hex id: ${JSON.stringify(id)}`);
  return objectId;
};
