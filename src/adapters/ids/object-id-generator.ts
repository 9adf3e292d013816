import { ObjectId } from 'mongodb';
import type { IdGenerator } from '../../ports/id-generator.js';

const successor = (hex: string): string => (BigInt(`0x${hex}`) + 1n).toString(16).padStart(24, '0');

/**
 * ObjectId hex strings. An ObjectId's counter wraps and its timestamp follows
 * the wall clock, which may step back; so an id that would not sort after the
 * previous one is replaced by the previous one plus one. The last id is kept
 * per process, like ObjectId's own counter, so every instance shares the order.
 */
export class ObjectIdGenerator implements IdGenerator {
  private static last = '';

  next(): string {
    const candidate = new ObjectId().toHexString();
    ObjectIdGenerator.last = candidate > ObjectIdGenerator.last ? candidate : successor(ObjectIdGenerator.last);
    return ObjectIdGenerator.last;
  }
}
