import type { Collection, Document, MongoServerError, OptionalUnlessRequiredId } from 'mongodb';
import { isDuplicateKeyError } from './duplicate-key-error.js';

/** Enough for any realistic contention; past it something is wrong, and the write fails rather than spins. */
const MAX_POSITION_ATTEMPTS = 32;

export interface PositionedInsert<D extends Document, R> {
  readonly collection: Collection<D>;
  /** A position known to be taken already (a hint, or the highest stored). */
  readonly taken: number;
  readonly highestStored: () => Promise<number>;
  readonly build: (position: number) => OptionalUnlessRequiredId<D>;
  /** What a duplicate-key error means: another writer took the position, or an answer to give instead. */
  readonly onDuplicate: (error: MongoServerError, document: OptionalUnlessRequiredId<D>) => Promise<'position' | R>;
  readonly scope: string;
}

/**
 * Why positions have no holes, on MongoDB and on servers whose conditional
 * updates are not atomic (FERRETDB.md): a position is taken only by a
 * unique insert on (scope, position), which has one winner anywhere. A
 * writer tries one past a position it knows is taken (the hint, or the
 * highest stored); when that is taken too it moves past the highest stored.
 * So it writes n only after seeing n - 1 stored, and by induction every
 * position below a stored one is stored: nothing is later filled in behind
 * a reader who has seen n. An insert is atomic, so a failed one takes no position.
 */
export const insertAtNextPosition = async <D extends Document, R>(
  insert: PositionedInsert<D, R>,
): Promise<{ stored: OptionalUnlessRequiredId<D> } | { answer: R }> => {
  let position = insert.taken + 1;
  for (let attempt = 1; ; attempt += 1) {
    const document = insert.build(position);
    try {
      await insert.collection.insertOne(document);
      return { stored: document };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const meaning = await insert.onDuplicate(error, document);
      if (meaning !== 'position') return { answer: meaning };
      if (attempt >= MAX_POSITION_ATTEMPTS) {
        throw new Error(`no free position in ${insert.scope} after ${attempt} attempts`);
      }
      position = (await insert.highestStored()) + 1;
    }
  }
};
