import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

/** One environment variable: how it decodes, its default and what it means (the README table is made from this). */
interface Setting<A> {
  readonly codec: t.Type<A, unknown, unknown>;
  readonly default: string | undefined;
  readonly description: string;
}

const text = new t.Type<string, unknown, unknown>(
  'string',
  (u): u is string => typeof u === 'string',
  (u, c) => (typeof u === 'string' && u.length > 0 ? t.success(u) : t.failure(u, c, 'must not be empty')),
  t.identity,
);

const int = (min: number, max: number) =>
  new t.Type<number, unknown, unknown>(
    `integer ${min}-${max}`,
    (u): u is number => typeof u === 'number',
    (u, c) => {
      const n = typeof u === 'string' && /^\d+$/.test(u.trim()) ? Number(u) : NaN;
      return Number.isInteger(n) && n >= min && n <= max
        ? t.success(n)
        : t.failure(u, c, `must be an integer from ${min} to ${max}`);
    },
    t.identity,
  );

const bool = new t.Type<boolean, unknown, unknown>(
  'boolean',
  (u): u is boolean => typeof u === 'boolean',
  (u, c) =>
    u === 'true' || u === '1'
      ? t.success(true)
      : u === 'false' || u === '0'
        ? t.success(false)
        : t.failure(u, c, 'must be true or false'),
  t.identity,
);

const oneOf = <V extends string>(...values: V[]) =>
  new t.Type<V, unknown, unknown>(
    values.join('|'),
    (u): u is V => values.includes(u as V),
    (u, c) => (values.includes(u as V) ? t.success(u as V) : t.failure(u, c, `must be one of ${values.join(', ')}`)),
    t.identity,
  );

const url = (...protocols: string[]) =>
  new t.Type<string, unknown, unknown>(
    'url',
    (u): u is string => typeof u === 'string',
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c, 'must be a URL');
      try {
        const parsed = new URL(u);
        return protocols.includes(parsed.protocol)
          ? t.success(u)
          : t.failure(u, c, `must be a ${protocols.join(' or ')} URL`);
      } catch {
        return t.failure(u, c, 'must be a URL');
      }
    },
    t.identity,
  );

export const ROLES = ['api', 'worker', 'scheduler'] as const;
export type Role = (typeof ROLES)[number];

const roles = new t.Type<Role[], unknown, unknown>(
  'roles',
  (u): u is Role[] => Array.isArray(u),
  (u, c) => {
    const list =
      typeof u === 'string'
        ? u
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    const unknown = list.filter((r) => !ROLES.includes(r as Role));
    return list.length > 0 && unknown.length === 0
      ? t.success([...new Set(list)] as Role[])
      : t.failure(u, c, `must be a comma-separated list of ${ROLES.join(', ')}`);
  },
  t.identity,
);

const origins = new t.Type<'*' | string[], unknown, unknown>(
  'origins',
  (u): u is '*' | string[] => u === '*' || Array.isArray(u),
  (u, c) => {
    if (u === '*') return t.success('*');
    const list =
      typeof u === 'string'
        ? u
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    const valid = list.length > 0 && list.every((o) => /^https?:\/\/[^/\s]+$/.test(o));
    return valid
      ? t.success(list)
      : t.failure(u, c, 'must be * or a comma-separated list of origins like https://app.example.com');
  },
  t.identity,
);

const cron = new t.Type<string, unknown, unknown>(
  'cron',
  (u): u is string => typeof u === 'string',
  (u, c) =>
    typeof u === 'string' && /^(\S+\s+){4,5}\S+$/.test(u.trim())
      ? t.success(u.trim())
      : t.failure(u, c, 'must be a cron expression of 5 or 6 fields'),
  t.identity,
);

const setting = <A>(
  codec: t.Type<A, unknown, unknown>,
  defaultValue: string | undefined,
  description: string,
): Setting<A> => ({
  codec,
  default: defaultValue,
  description,
});

export const SETTINGS = {
  NODE_ENV: setting(
    oneOf('development', 'production', 'test'),
    'development',
    'production requires MONGODB_URI, REDIS_URL, RABBITMQ_URL, JWT_SECRET and METRICS_TOKEN (or METRICS_PUBLIC)',
  ),
  HOST: setting(text, '0.0.0.0', 'Interface the HTTP server binds'),
  PORT: setting(int(0, 65535), '3000', 'HTTP and Socket.IO port (0 picks a free one)'),
  ROLES: setting(roles, 'api,worker,scheduler', 'Roles this process runs: api, worker, scheduler'),
  LOG_LEVEL: setting(oneOf('error', 'warn', 'info', 'debug'), 'info', 'Lowest level logged'),
  LOG_FORMAT: setting(
    oneOf('pretty', 'json'),
    undefined,
    'Console format; default pretty in development, json in production',
  ),
  LOG_DIR: setting(text, 'logs', 'Directory of app.log and error.log'),
  LOG_TO_FILES: setting(bool, 'true', 'Write logs/app.log and logs/error.log'),
  JWT_SECRET: setting(
    text,
    undefined,
    'HS256 secret, at least 32 bytes; required in production (development makes a random one per start)',
  ),
  JWT_ISSUER: setting(text, 'chat-backend', 'Access token issuer (checked)'),
  JWT_AUDIENCE: setting(text, 'chat-clients', 'Access token audience (checked)'),
  ACCESS_TOKEN_TTL_SECONDS: setting(int(5, 86_400), '900', 'Access token lifetime'),
  REFRESH_TOKEN_TTL_SECONDS: setting(
    int(60, 31_536_000),
    '2592000',
    'Refresh token lifetime (renewed by every rotation)',
  ),
  REFRESH_REUSE_GRACE_SECONDS: setting(
    int(0, 300),
    '10',
    'A rotated refresh token presented again this soon gets the same successor (a retry), not a revoked session',
  ),
  MESSAGE_EDIT_WINDOW_SECONDS: setting(
    int(0, 31_536_000),
    '86400',
    'How long after sending a sender may edit a message (0: no limit)',
  ),
  SYNC_RETENTION_DAYS: setting(
    int(1, 3650),
    '30',
    'How long the change feed keeps changes; an older cursor gets 410 CURSOR_EXPIRED and the client reloads from history',
  ),
  METRICS_TOKEN: setting(
    text,
    undefined,
    'Bearer token /metrics requires; required in production unless METRICS_PUBLIC=true',
  ),
  METRICS_PUBLIC: setting(bool, 'false', 'Serve /metrics without a token (production refuses to start otherwise)'),
  BCRYPT_COST: setting(int(4, 15), '12', 'bcrypt cost factor'),
  MONGODB_URI: setting(url('mongodb:', 'mongodb+srv:'), undefined, 'MongoDB; unset = in-memory repositories'),
  MONGODB_DB: setting(text, 'chat', 'MongoDB database name'),
  MONGODB_STALL_TIMEOUT_MS: setting(
    int(1000, 600_000),
    '15000',
    'With no answer from MongoDB for this long the client is rebuilt; as long again and /health/live answers 503',
  ),
  REDIS_URL: setting(
    url('redis:', 'rediss:'),
    undefined,
    'Redis for presence, rate limits and socket fan-out; unset = in-memory',
  ),
  REDIS_KEY_PREFIX: setting(text, 'chat:', 'Prefix of every Redis key'),
  RABBITMQ_URL: setting(
    url('amqp:', 'amqps:'),
    undefined,
    'RabbitMQ for the auto-message queue; unset = in-process queue',
  ),
  RABBITMQ_QUEUE: setting(text, 'chat.auto-messages', 'Queue name (retry and dead-letter queues derive from it)'),
  CORS_ORIGINS: setting(origins, '*', 'Allowed origins: * or a comma-separated list'),
  BODY_LIMIT_BYTES: setting(int(1024, 10_485_760), '102400', 'Largest JSON body accepted (413 above)'),
  TRUST_PROXY: setting(bool, 'false', 'Trust X-Forwarded-For (behind a reverse proxy)'),
  API_RATE_LIMIT_POINTS: setting(int(1, 1_000_000), '600', 'Requests per IP per window on /api'),
  API_RATE_LIMIT_WINDOW_SECONDS: setting(int(1, 86_400), '60', 'Window of the /api limit'),
  LOGIN_LIMIT_PER_IP: setting(int(1, 100_000), '30', 'Login attempts per IP per login window'),
  LOGIN_LIMIT_PER_ACCOUNT_AND_IP: setting(
    int(1, 100_000),
    '10',
    'Login attempts per account from one IP per login window (reset on success)',
  ),
  LOGIN_LIMIT_PER_ACCOUNT: setting(
    int(1, 100_000),
    '100',
    'Login attempts per account from all IPs per login window (reset on success); higher, so nobody elsewhere locks the owner out',
  ),
  LOGIN_LIMIT_WINDOW_SECONDS: setting(int(1, 86_400), '900', 'Login throttling window'),
  REGISTER_LIMIT_PER_IP: setting(int(1, 100_000), '10', 'Registrations per IP per registration window'),
  REGISTER_LIMIT_WINDOW_SECONDS: setting(int(1, 86_400), '3600', 'Registration throttling window'),
  SOCKETS_PER_USER: setting(
    int(1, 10_000),
    '20',
    'Sockets one user may have open on all processes; beyond it connect_error too_many_connections',
  ),
  SOCKET_EVENTS_PER_USER: setting(
    int(1, 1_000_000),
    '40',
    'Socket events one user may send per socket-event window, over all of their sockets and processes',
  ),
  SOCKET_EVENTS_WINDOW_SECONDS: setting(int(1, 3600), '2', 'Window of the per-user socket event budget'),
  TYPING_TIMEOUT_MS: setting(int(500, 60_000), '5000', 'Typing stops by itself after this long without a stop'),
  PRESENCE_LEASE_SECONDS: setting(
    int(10, 3600),
    '60',
    'A connection not refreshed for this long no longer counts as online',
  ),
  PRESENCE_HEARTBEAT_MS: setting(int(1000, 600_000), '20000', 'How often a process refreshes its connections'),
  DELIVERY_RECEIPT_TIMEOUT_MS: setting(
    int(100, 120_000),
    '10000',
    'How long to wait for a receiver socket to acknowledge',
  ),
  AUTO_PLAN_CRON: setting(cron, '0 2 * * *', 'When auto messages are planned'),
  AUTO_ENQUEUE_CRON: setting(cron, '* * * * *', 'When due auto messages are queued'),
  AUTO_TIMEZONE: setting(text, 'UTC', 'Time zone of both cron expressions (IANA name)'),
  AUTO_LEASE_MS: setting(int(1000, 86_400_000), '300000', 'A queued item not delivered within this is queued again'),
  AUTO_MAX_ATTEMPTS: setting(int(1, 100), '5', 'Delivery attempts before an item is dead-lettered'),
  AUTO_RETRY_BASE_MS: setting(int(10, 3_600_000), '2000', 'First retry delay (doubles per attempt)'),
  AUTO_PREFETCH: setting(int(1, 1000), '16', 'Queue messages a worker handles at once'),
  AUTO_ENQUEUE_BATCH: setting(int(1, 1_000_000), '5000', 'Most items one enqueue run publishes'),
  SHUTDOWN_TIMEOUT_MS: setting(int(100, 120_000), '10000', 'Longest graceful shutdown before exit'),
} as const;

type Settings = typeof SETTINGS;
type Decoded<K extends keyof Settings> = Settings[K] extends Setting<infer A> ? A : never;
type Optional = 'MONGODB_URI' | 'REDIS_URL' | 'RABBITMQ_URL' | 'JWT_SECRET' | 'LOG_FORMAT';

export type Config = { readonly [K in Exclude<keyof Settings, Optional>]: Decoded<K> } & {
  readonly [K in Optional]: Decoded<K> | undefined;
};

/**
 * Decodes the configuration from an environment; every problem is reported
 * at once, each naming its variable, and values are never echoed (they may
 * be secrets).
 */
export const decodeConfig = (env: Record<string, string | undefined>): E.Either<string[], Config> => {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(SETTINGS) as Array<[string, Setting<unknown>]>) {
    const raw = env[name] === '' ? undefined : (env[name] ?? spec.default);
    if (raw === undefined) continue;
    const decoded = spec.codec.decode(raw);
    if (E.isLeft(decoded)) problems.push(`${name} ${decoded.left[0]?.message ?? 'is invalid'}`);
    else config[name] = decoded.right;
  }
  if (config.NODE_ENV === 'production') {
    for (const name of ['MONGODB_URI', 'REDIS_URL', 'RABBITMQ_URL', 'JWT_SECRET'] as const) {
      if (config[name] === undefined) problems.push(`${name} is required when NODE_ENV=production`);
    }
  }
  if (config.NODE_ENV === 'production' && config.METRICS_TOKEN === undefined && config.METRICS_PUBLIC !== true) {
    problems.push('METRICS_TOKEN is required when NODE_ENV=production (or set METRICS_PUBLIC=true)');
  }
  if (typeof config.JWT_SECRET === 'string' && Buffer.byteLength(config.JWT_SECRET) < 32) {
    problems.push('JWT_SECRET must be at least 32 bytes');
  }
  return problems.length > 0 ? E.left(problems) : E.right(config as Config);
};
