import { MAX_EMOJI_LENGTH } from '../../../domain/reaction.js';
import type { Parameter } from './operation-builder.js';
import { requestExamples, type RequestBodyName } from './request-schemas.js';
import { idString, ref, type Schema } from './schema-builders.js';

export const pathId = (name: string, what: string): Parameter => ({
  name,
  in: 'path',
  required: true,
  description: `The ${what}'s id`,
  schema: idString,
});

/** A group member, or `me`: the caller. */
export const memberParameter: Parameter = {
  name: 'userId',
  in: 'path',
  required: true,
  description: 'The member’s id, or `me` to leave the group',
  schema: { type: 'string', pattern: '^([0-9a-f]{24}|me)$' },
};

export const query = (name: string, schema: Schema, description: string): Parameter => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

export const emojiParameter: Parameter = {
  name: 'emoji',
  in: 'path',
  required: true,
  description: 'One emoji, percent-encoded (👍 is %F0%9F%91%8D)',
  schema: { type: 'string', minLength: 1, maxLength: MAX_EMOJI_LENGTH },
};

export const page = query('page', { type: 'integer', minimum: 1, maximum: 100_000, default: 1 }, 'Page number, from 1');
export const limit = (fallback: number): Parameter =>
  query('limit', { type: 'integer', minimum: 1, maximum: 100, default: fallback }, 'Items per page');

/** A history cursor: a position, or a message id standing for its position. */
export const historyCursor: Schema = { type: 'string', pattern: '^(\\d{1,15}|[0-9a-f]{24})$' };

export const body = (name: RequestBodyName, required = true) => ({
  schema: ref(name),
  required,
  example: requestExamples[name],
});
