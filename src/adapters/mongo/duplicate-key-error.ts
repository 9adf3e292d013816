import { MongoServerError } from 'mongodb';

const DUPLICATE_KEY = 11000;

export const isDuplicateKeyError = (error: unknown): error is MongoServerError =>
  error instanceof MongoServerError && error.code === DUPLICATE_KEY;

/**
 * The indexed fields a duplicate-key error names, when the server says
 * (MongoDB does in keyPattern/keyValue; FerretDB v1 does not: callers fall back to a lookup).
 */
export const duplicateKeyFields = (error: MongoServerError): string[] => {
  const source: unknown = error.keyPattern ?? error.keyValue;
  return typeof source === 'object' && source !== null ? Object.keys(source) : [];
};
