import * as t from 'io-ts';
import { ObjectId } from 'mongodb';

export const objectIdCodec = new t.Type<ObjectId, ObjectId, unknown>(
  'ObjectId',
  (input): input is ObjectId => input instanceof ObjectId,
  (input, context) => (input instanceof ObjectId ? t.success(input) : t.failure(input, context)),
  t.identity,
);

export const dateCodec = new t.Type<Date, Date, unknown>(
  'Date',
  (input): input is Date => input instanceof Date && !Number.isNaN(input.getTime()),
  (input, context) =>
    input instanceof Date && !Number.isNaN(input.getTime()) ? t.success(input) : t.failure(input, context),
  t.identity,
);

export const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);
