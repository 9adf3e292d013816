import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../adapters/http/create-http-app.js';
import type { PrometheusMetrics } from '../adapters/metrics/prometheus-metrics.js';
import { bindSocketHandlers } from '../adapters/realtime/bind-socket-handlers.js';
import { maxPayloadBytesOf } from '../adapters/realtime/create-socket-server.js';
import { startAutoMessageSchedule, type RunningSchedule } from '../adapters/scheduler/auto-message-schedule.js';
import type { UseCases } from '../application/use-cases.js';
import { composeSystem, type AppOverrides } from './compose-system.js';
import type { Config } from './config.js';
import type { DependencyContainer } from './di.js';
import type { Infrastructure } from './infrastructure.js';
import { realtimeLimitsOf } from './realtime-limits.js';

export type { AppOverrides } from './compose-system.js';

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

/** Composes the whole system for the configured roles and starts it. */
export const startApp = async (config: Config, overrides: AppOverrides = {}): Promise<RunningApp> => {
  const roles = new Set(config.ROLES);
  // The request listener must exist before Socket.IO attaches: engine.io only hands on requests to listeners already there.
  let handleRequest: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const httpServer = roles.has('api') ? http.createServer((req, res) => handleRequest(req, res)) : undefined;
  const system = await composeSystem(config, overrides, httpServer);
  const { logger, infrastructure, metrics, io, container, useCases } = system;

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
        isLive: () => infrastructure.isLive(),
        ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
        realtimeLimits: realtimeLimitsOf(config, maxPayloadBytesOf(io)),
      },
    });
    handleRequest = koa.callback();
    realtime = bindSocketHandlers(io, {
      useCases,
      logger,
      eventBudget: infrastructure.rateLimiters({
        name: 'socket-events',
        points: config.SOCKET_EVENTS_PER_USER,
        durationSeconds: config.SOCKET_EVENTS_WINDOW_SECONDS,
      }),
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
      await system.close();
    })();
    return stopping;
  };

  return { port, url, useCases, container, infrastructure, metrics, stop };
};
