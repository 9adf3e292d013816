import {
  bool,
  cron,
  int,
  mongoUri,
  oneOf,
  origins,
  roles,
  text,
  timeZone,
  url,
  type EnvCodec,
} from './config-codecs.js';

/** One environment variable: how it decodes, its default and what it means (the README table is made from this). */
export interface Setting<A> {
  readonly codec: EnvCodec<A>;
  readonly default: string | undefined;
  readonly description: string;
  /** May come from the file named by `<NAME>_FILE` instead (Docker secrets). */
  readonly fromFile?: true;
}

const setting = <A>(codec: EnvCodec<A>, defaultValue: string | undefined, description: string): Setting<A> => ({
  codec,
  default: defaultValue,
  description,
});

const secret = <A>(codec: EnvCodec<A>, description: string): Setting<A> => ({
  ...setting(codec, undefined, description),
  fromFile: true,
});

export const SETTINGS = {
  NODE_ENV: setting(
    oneOf('development', 'production', 'test'),
    'development',
    'production requires MONGODB_URI, REDIS_URL, RABBITMQ_URL, JWT_SECRET and METRICS_TOKEN (or METRICS_PUBLIC)',
  ),
  HOST: setting(text, '0.0.0.0', 'Interface the HTTP server binds'),
  PORT: setting(int(0, 65535), '3000', 'HTTP and Socket.IO port (0 picks a free one)'),
  HEALTH_PORT: setting(
    int(1, 65535),
    undefined,
    'Port of /health/live, /health/ready and /metrics for a process without the api role (unset: none; the api serves them on PORT)',
  ),
  ROLES: setting(roles, 'api,worker,scheduler', 'Roles this process runs: api, worker, scheduler'),
  LOG_LEVEL: setting(oneOf('error', 'warn', 'info', 'debug'), 'info', 'Lowest level logged'),
  LOG_FORMAT: setting(
    oneOf('pretty', 'json'),
    undefined,
    'Console format; default pretty on a terminal outside production, json otherwise (colours only on a terminal)',
  ),
  LOG_TO_FILES: setting(
    bool,
    undefined,
    'Also write JSON log files to LOG_DIR; default true outside production, false in production (stdout is the container convention)',
  ),
  LOG_DIR: setting(text, 'logs', 'Directory of the log files: app-<date>.log (every level) and error-<date>.log'),
  LOG_FILE_MAX_SIZE_MB: setting(int(1, 10_240), '20', 'A log file is rotated daily and when it reaches this size'),
  LOG_FILE_MAX_DAYS: setting(int(1, 3650), '14', 'Rotated log files older than this are deleted'),
  JWT_SECRET: secret(
    text,
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
  GROUP_MAX_MEMBERS: setting(
    int(3, 10_000),
    '100',
    'The most members a group conversation may have, its owner included',
  ),
  SYNC_RETENTION_DAYS: setting(
    int(1, 3650),
    '30',
    'How long the change feed keeps changes; an older cursor gets 410 CURSOR_EXPIRED and the client reloads from history',
  ),
  SYNC_PRUNE_CRON: setting(
    cron,
    '17 3 * * *',
    'When the scheduler role forgets changes older than the retention (cron)',
  ),
  METRICS_TOKEN: secret(text, 'Bearer token /metrics requires; required in production unless METRICS_PUBLIC=true'),
  METRICS_PUBLIC: setting(bool, 'false', 'Serve /metrics without a token (production refuses to start otherwise)'),
  BCRYPT_COST: setting(int(4, 15), '12', 'bcrypt cost factor'),
  MONGODB_URI: secret(mongoUri, 'MongoDB connection string; unset = in-memory repositories'),
  MONGODB_DB: setting(text, undefined, 'MongoDB database name; unset = the one named in MONGODB_URI, else chat'),
  MONGODB_STALL_TIMEOUT_MS: setting(
    int(1000, 600_000),
    '15000',
    'With no answer from MongoDB for this long the client is rebuilt; as long again and /health/live answers 503',
  ),
  REDIS_URL: secret(url('redis:', 'rediss:'), 'Redis for presence, rate limits and socket fan-out; unset = in-memory'),
  REDIS_KEY_PREFIX: setting(text, 'chat:', 'Prefix of every Redis key'),
  RABBITMQ_URL: secret(url('amqp:', 'amqps:'), 'RabbitMQ for the auto-message queue; unset = in-process queue'),
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
  AUTO_TIMEZONE: setting(timeZone, 'UTC', 'Time zone of the cron expressions (IANA name)'),
  AUTO_LEASE_MS: setting(int(1000, 86_400_000), '300000', 'A queued item not delivered within this is queued again'),
  AUTO_MAX_ATTEMPTS: setting(int(1, 100), '5', 'Delivery attempts before an item is dead-lettered'),
  AUTO_RETRY_BASE_MS: setting(int(10, 3_600_000), '2000', 'First retry delay (doubles per attempt)'),
  AUTO_PREFETCH: setting(int(1, 1000), '16', 'Queue messages a worker handles at once'),
  AUTO_ENQUEUE_BATCH: setting(int(1, 1_000_000), '5000', 'Most items one enqueue run publishes'),
  STARTUP_TIMEOUT_MS: setting(
    int(1000, 600_000),
    '15000',
    'How long start waits for each configured service before it exits naming the setting to fix',
  ),
  SHUTDOWN_TIMEOUT_MS: setting(int(100, 120_000), '10000', 'Longest graceful shutdown before exit'),
} as const;

export type Settings = typeof SETTINGS;
