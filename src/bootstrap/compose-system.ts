import { createHmac, randomBytes } from 'node:crypto';
import type http from 'node:http';
import { MathRandomSource } from '../adapters/random/math-random-source.js';
import { SystemClock } from '../adapters/clock/system-clock.js';
import { BcryptPasswordHasher } from '../adapters/crypto/bcrypt-password-hasher.js';
import { BoundedPasswordHasher } from '../adapters/crypto/bounded-password-hasher.js';
import { JoseTokenService } from '../adapters/crypto/jose-token-service.js';
import { ObjectIdGenerator } from '../adapters/ids/object-id-generator.js';
import { RandomOpaqueTokenGenerator } from '../adapters/crypto/opaque-token-generator.js';
import { createWinstonLogger } from '../adapters/logging/winston-logger.js';
import { PrometheusMetrics } from '../adapters/metrics/prometheus-metrics.js';
import type { ChatServer } from '../adapters/realtime/chat-server.js';
import { endSessionSockets } from '../adapters/realtime/end-session-sockets.js';
import { tellLocalSocketsToResync } from '../adapters/realtime/tell-local-sockets-to-resync.js';
import { createSocketServer } from '../adapters/realtime/create-socket-server.js';
import { SocketIoNotifier } from '../adapters/realtime/socket-io-notifier.js';
import type { UseCases } from '../application/use-cases.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { RandomSource } from '../ports/random-source.js';
import type { Config } from './config.js';
import { consoleFormatOf } from './console-format.js';
import { buildContainer, resolveUseCases } from './container.js';
import type { Infrastructure } from './infrastructure.js';
import { selectInfrastructure } from './select-infrastructure.js';

export interface AppOverrides {
  readonly clock?: Clock;
  readonly random?: RandomSource;
  readonly logger?: Logger & { close?(): Promise<void> };
  readonly infrastructure?: Infrastructure;
}

export interface ComposedSystem {
  readonly logger: Logger;
  readonly infrastructure: Infrastructure;
  readonly metrics: PrometheusMetrics;
  /** Attached to `httpServer` when given; detached otherwise, reaching clients through the shared fan-out. */
  readonly io: ChatServer;
  readonly useCases: UseCases;
  /** Stops the queue, the socket server and every connection, then flushes the logs; `quietly` logs nothing. */
  close(quietly?: boolean): Promise<void>;
}

const jwtSecretFor = (config: Config, logger: Logger): string => {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  logger.warn('JWT_SECRET is not set: using a random secret, so tokens die with this process');
  return randomBytes(32).toString('base64url');
};

/** Every adapter chosen by configuration, wired into the use cases; starts nothing. */
export const composeSystem = async (
  config: Config,
  overrides: AppOverrides = {},
  httpServer?: http.Server,
): Promise<ComposedSystem> => {
  const ownLogger = overrides.logger
    ? undefined
    : createWinstonLogger({
        level: config.LOG_LEVEL,
        format: consoleFormatOf(config.NODE_ENV, config.LOG_FORMAT),
        ...(config.LOG_TO_FILES
          ? {
              files: {
                directory: config.LOG_DIR,
                maxSizeMb: config.LOG_FILE_MAX_SIZE_MB,
                maxDays: config.LOG_FILE_MAX_DAYS,
              },
            }
          : {}),
      });
  const logger = overrides.logger ?? ownLogger!;
  const clock = overrides.clock ?? new SystemClock();
  const metrics = new PrometheusMetrics();
  let infrastructure: Infrastructure;
  try {
    infrastructure = overrides.infrastructure ?? (await selectInfrastructure(config, logger, metrics));
  } catch (error) {
    await ownLogger?.close();
    throw error;
  }

  const { presence, queue, autoMessages } = infrastructure;
  metrics.readOnScrape({ presence, queue, autoMessages, clock });

  const io = createSocketServer(httpServer, { corsOrigins: config.CORS_ORIGINS });
  if (infrastructure.socketAdapter) io.adapter(infrastructure.socketAdapter as never);
  const revocations = infrastructure.sessionRevocations;
  revocations.onEnded((sessionIds, reason) => endSessionSockets(io, sessionIds, reason));
  // What ended while this process was away (or while it could not hear): access tokens live this long.
  const rememberEndedSessions = async () => {
    const since = new Date(clock.now().getTime() - config.ACCESS_TOKEN_TTL_SECONDS * 1000);
    revocations.remember(await infrastructure.sessions.listFamiliesRevokedSince(since));
  };
  await rememberEndedSessions();
  infrastructure.onFanOutRestored?.(() => {
    tellLocalSocketsToResync(io, 'fan_out_restored');
    rememberEndedSessions().catch((error: unknown) =>
      logger.warn('could not reload ended sessions', { error: (error as Error).message }),
    );
  });
  const notifier = new SocketIoNotifier(io, { receiptTimeoutMs: config.DELIVERY_RECEIPT_TIMEOUT_MS });

  const secret = jwtSecretFor(config, logger);
  const container = buildContainer({
    config,
    logger,
    clock,
    ids: new ObjectIdGenerator(),
    random: overrides.random ?? new MathRandomSource(),
    hasher: new BoundedPasswordHasher(new BcryptPasswordHasher({ cost: config.BCRYPT_COST })),
    tokens: new JoseTokenService(
      {
        secret,
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      },
      clock,
    ),
    // Its own key, derived from the shared secret: every process derives the same refresh-token successors.
    opaqueTokens: new RandomOpaqueTokenGenerator({
      successorKey: createHmac('sha256', secret).update('refresh-token-successor').digest(),
    }),
    metrics,
    notifier,
    infrastructure,
  });

  return {
    logger,
    infrastructure,
    metrics,
    io,
    useCases: resolveUseCases(container),
    async close(quietly = false) {
      await infrastructure.queue.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await infrastructure.close();
      if (!quietly) logger.info('stopped');
      await (ownLogger ?? overrides.logger)?.close?.();
    },
  };
};
