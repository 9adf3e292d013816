import { MongoServerError } from 'mongodb';

const DUPLICATE_KEY = 11000;

/** FerretDB v1 answers a unique violation caused by an update with InternalError (code 1) and SQLite's words. */
const isFerretDbUpdateDuplicate = (error: MongoServerError): boolean =>
  error.code === 1 && /UNIQUE constraint failed/.test(error.message);

export const isDuplicateKeyError = (error: unknown): error is MongoServerError =>
  error instanceof MongoServerError && (error.code === DUPLICATE_KEY || isFerretDbUpdateDuplicate(error));

/**
 * The indexed fields a duplicate-key error names, when the server says
 * (MongoDB does in keyPattern/keyValue; FerretDB v1 does not: callers fall back to a lookup).
 */
export const duplicateKeyFields = (error: MongoServerError): string[] => {
  const source: unknown = error.keyPattern ?? error.keyValue;
  return typeof source === 'object' && source !== null ? Object.keys(source) : [];
};
