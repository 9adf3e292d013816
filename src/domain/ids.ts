/** Ids are 24 lower-case hex characters, compatible with MongoDB ObjectIds. */
export const ID_PATTERN = /^[0-9a-f]{24}$/;

export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);
