import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DependencyContainer } from './di.js';
import { SystemClock } from '../adapters/clock/system-clock.js';
import { MathRandomSource } from '../adapters/clock/math-random-source.js';
import { BcryptPasswordHasher } from '../adapters/crypto/bcrypt-password-hasher.js';
import { JoseTokenService } from '../adapters/crypto/jose-token-service.js';
import { ObjectIdGenerator } from '../adapters/crypto/object-id-generator.js';
import { RandomOpaqueTokenGenerator } from '../adapters/crypto/opaque-token-generator.js';
import { createHttpApp } from '../adapters/http/create-http-app.js';
import { createWinstonLogger } from '../adapters/logging/winston-logger.js';
import { PrometheusMetrics } from '../adapters/metrics/prometheus-metrics.js';
import { bindSocketHandlers } from '../adapters/realtime/bind-socket-handlers.js';
import { createSocketServer } from '../adapters/realtime/create-socket-server.js';
import { SocketIoNotifier } from '../adapters/realtime/socket-io-notifier.js';
import { startAutoMessageSchedule, type RunningSchedule } from '../adapters/scheduler/auto-message-schedule.js';
import type { UseCases } from '../application/use-cases.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { RandomSource } from '../ports/random-source.js';
import type { Config } from './config.js';
import { buildContainer } from './container.js';
import type { Infrastructure } from './infrastructure.js';
import { selectInfrastructure } from './select-infrastructure.js';
import { resolveUseCases } from './use-case-registrations.js';

export interface AppOverrides {
  readonly clock?: Clock;
  readonly random?: RandomSource;
  readonly logger?: Logger & { close?(): Promise<void> };
  readonly infrastructure?: Infrastructure;
}

export interface RunningApp {
  /** The HTTP port (0 when this process runs no api role). */
  readonly port: number;
  readonly url: string;
  readonly useCases: UseCases;
  readonly container: DependencyContainer;
  readonly infrastructure: Infrastructure;
  readonly metrics: PrometheusMetrics;
  /** Graceful: stops taking work, lets work in flight finish, then closes every connection. */
  stop(): Promise<void>;
}

const jwtSecretFor = (config: Config, logger: Logger): string => {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  logger.warn('JWT_SECRET is not set: using a random secret, so tokens die with this process');
  return randomBytes(32).toString('base64url');
};

/** Composes the whole system for the configured roles and starts it. */
export const startApp = async (config: Config, overrides: AppOverrides = {}): Promise<RunningApp> => {
  const logger =
    overrides.logger ??
    createWinstonLogger({
      level: config.LOG_LEVEL,
      format: config.LOG_FORMAT ?? (config.NODE_ENV === 'production' ? 'json' : 'pretty'),
      ...(config.LOG_TO_FILES ? { directory: config.LOG_DIR } : {}),
    });
  const clock = overrides.clock ?? new SystemClock();
  const roles = new Set(config.ROLES);
  const infrastructure = overrides.infrastructure ?? (await selectInfrastructure(config, logger));
  const metrics = new PrometheusMetrics();

  // The request listener must exist before Socket.IO attaches: engine.io only hands on requests to listeners already there.
  let handleRequest: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const httpServer = roles.has('api') ? http.createServer((req, res) => handleRequest(req, res)) : undefined;
  const io = createSocketServer(httpServer, { corsOrigins: config.CORS_ORIGINS });
  if (infrastructure.socketAdapter) io.adapter(infrastructure.socketAdapter as never);
  const notifier = new SocketIoNotifier(io, { receiptTimeoutMs: config.DELIVERY_RECEIPT_TIMEOUT_MS });

  const container = buildContainer({
    config,
    logger,
    clock,
    ids: new ObjectIdGenerator(),
    random: overrides.random ?? new MathRandomSource(),
    hasher: new BcryptPasswordHasher({ cost: config.BCRYPT_COST }),
    tokens: new JoseTokenService(
      {
        secret: jwtSecretFor(config, logger),
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      },
      clock,
    ),
    opaqueTokens: new RandomOpaqueTokenGenerator(),
    metrics,
    notifier,
    infrastructure,
  });
  const useCases = resolveUseCases(container);

  let shuttingDown = false;
  let realtime: { close(): Promise<void> } | undefined;
  let port = 0;
  if (httpServer) {
    const koa = createHttpApp({
      useCases,
      logger,
      health: infrastructure.health,
      metrics,
      rateLimiters: infrastructure.rateLimiters,
      options: {
        corsOrigins: config.CORS_ORIGINS,
        bodyLimitBytes: config.BODY_LIMIT_BYTES,
        trustProxy: config.TRUST_PROXY,
        apiRateLimit: { points: config.API_RATE_LIMIT_POINTS, durationSeconds: config.API_RATE_LIMIT_WINDOW_SECONDS },
        isShuttingDown: () => shuttingDown,
      },
    });
    handleRequest = koa.callback();
    realtime = bindSocketHandlers(io, {
      useCases,
      logger,
      onConnectionCountChange: (n) => metrics.setSocketConnections(n),
      options: { typingTimeoutMs: config.TYPING_TIMEOUT_MS, presenceHeartbeatMs: config.PRESENCE_HEARTBEAT_MS },
    });
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
    port = (httpServer.address() as AddressInfo).port;
  }

  if (roles.has('worker')) {
    await infrastructure.queue.consume(async (message, attempt) => {
      await useCases.deliverQueuedMessage.execute(message, attempt);
    });
  }
  let schedule: RunningSchedule | undefined;
  if (roles.has('scheduler')) {
    schedule = startAutoMessageSchedule(useCases, logger, {
      planCron: config.AUTO_PLAN_CRON,
      enqueueCron: config.AUTO_ENQUEUE_CRON,
      timeZone: config.AUTO_TIMEZONE,
    });
  }

  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const url = httpServer ? `http://${host}:${port}` : '';
  logger.info('chat backend started', {
    roles: [...roles],
    adapters: infrastructure.active,
    ...(url ? { url, apiDocs: `${url}/api-docs` } : {}),
    environment: config.NODE_ENV,
  });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      shuttingDown = true;
      logger.info('shutting down');
      await schedule?.stop();
      const httpClosed = httpServer
        ? new Promise<void>((resolve) => httpServer.close(() => resolve()))
        : Promise.resolve();
      await realtime?.close();
      httpServer?.closeIdleConnections();
      await httpClosed;
      await infrastructure.queue.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await infrastructure.close();
      logger.info('stopped');
      await overrides.logger?.close?.();
      if (!overrides.logger) await (logger as { close?(): Promise<void> }).close?.();
    })();
    return stopping;
  };

  return { port, url, useCases, container, infrastructure, metrics, stop };
};
