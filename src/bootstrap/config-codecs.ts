import cronParser from 'cron-parser';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { ConnectionString } from 'mongodb-connection-string-url';

/** Decodes one environment string; a failure message completes "<VARIABLE> ..." and never repeats the value. */
export type EnvCodec<A> = t.Type<A, unknown, unknown>;

const codec = <A>(name: string, is: (u: unknown) => u is A, decode: (u: unknown) => E.Either<string, A>): EnvCodec<A> =>
  new t.Type<A, unknown, unknown>(
    name,
    is,
    (u, c) =>
      E.match(
        (message: string) => t.failure<A>(u, c, message),
        (value: A) => t.success(value),
      )(decode(u)),
    t.identity,
  );

const isString = (u: unknown): u is string => typeof u === 'string';

const listOf = (u: unknown): string[] =>
  typeof u === 'string'
    ? u
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

export const text = codec('string', isString, (u) =>
  typeof u === 'string' && u.length > 0 ? E.right(u) : E.left('must not be empty'),
);

export const int = (min: number, max: number): EnvCodec<number> =>
  codec(
    `integer ${min}-${max}`,
    (u): u is number => typeof u === 'number',
    (u) => {
      const n = typeof u === 'string' && /^\d+$/.test(u.trim()) ? Number(u) : NaN;
      return Number.isInteger(n) && n >= min && n <= max
        ? E.right(n)
        : E.left(`must be an integer from ${min} to ${max}`);
    },
  );

export const bool = codec(
  'boolean',
  (u): u is boolean => typeof u === 'boolean',
  (u) =>
    u === 'true' || u === '1'
      ? E.right(true)
      : u === 'false' || u === '0'
        ? E.right(false)
        : E.left('must be true or false'),
);

export const oneOf = <V extends string>(...values: V[]): EnvCodec<V> => {
  const is = (u: unknown): u is V => values.includes(u as V);
  return codec(values.join('|'), is, (u) => (is(u) ? E.right(u) : E.left(`must be one of ${values.join(', ')}`)));
};

export const url = (...protocols: string[]): EnvCodec<string> =>
  codec('url', isString, (u) => {
    if (typeof u !== 'string') return E.left('must be a URL');
    try {
      return protocols.includes(new URL(u).protocol) ? E.right(u) : E.left(`must be a ${protocols.join(' or ')} URL`);
    } catch {
      return E.left('must be a URL');
    }
  });

/** A MongoDB connection string as the driver reads it: several hosts (a replica set) and options included. */
export const mongoUri = codec('mongodb uri', isString, (u) => {
  try {
    if (typeof u === 'string' && new ConnectionString(u)) return E.right(u);
  } catch {
    // refused below
  }
  return E.left('must be a mongodb:// or mongodb+srv:// connection string');
});

/** The database a connection string names in its path, if any. */
export const databaseOfMongoUri = (uri: string): string | undefined => {
  const name = decodeURIComponent(new ConnectionString(uri).pathname.replace(/^\//, ''));
  return name.length > 0 ? name : undefined;
};

export const ROLES = ['api', 'worker', 'scheduler'] as const;
export type Role = (typeof ROLES)[number];

export const roles = codec(
  'roles',
  (u): u is Role[] => Array.isArray(u),
  (u) => {
    const list = listOf(u);
    return list.length > 0 && list.every((r) => ROLES.includes(r as Role))
      ? E.right([...new Set(list)] as Role[])
      : E.left(`must be a comma-separated list of ${ROLES.join(', ')}`);
  },
);

export const origins = codec(
  'origins',
  (u): u is '*' | string[] => u === '*' || Array.isArray(u),
  (u) => {
    if (u === '*') return E.right<string, '*' | string[]>('*');
    const list = listOf(u);
    return list.length > 0 && list.every((o) => /^https?:\/\/[^/\s]+$/.test(o))
      ? E.right(list)
      : E.left('must be * or a comma-separated list of origins like https://app.example.com');
  },
);

/** Parsed by the parser node-schedule runs, so what passes here is what the scheduler accepts. */
export const cron = codec('cron', isString, (u) => {
  const expression = typeof u === 'string' ? u.trim() : '';
  if (!/^(\S+\s+){4,5}\S+$/.test(expression)) return E.left('must be a cron expression of 5 or 6 fields');
  try {
    cronParser.parseExpression(expression, { tz: 'UTC' });
    return E.right(expression);
  } catch (error) {
    return E.left(`must be a valid cron expression: ${(error as Error).message}`);
  }
});

/** An IANA time zone name this runtime knows (the scheduler's date library reads the same Intl data). */
export const timeZone = codec('time zone', isString, (u) => {
  const name = typeof u === 'string' ? u.trim() : '';
  try {
    if (name.length > 0 && new Intl.DateTimeFormat('en', { timeZone: name })) return E.right(name);
  } catch {
    // refused below
  }
  return E.left('must be an IANA time zone name like UTC or Europe/Berlin');
});
