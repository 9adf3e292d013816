import http from 'node:http';
import { createHealthApp } from '../adapters/http/create-health-app.js';
import type { ProbeDeps } from '../adapters/http/routes/probe-routes.js';
import { createHttpApp } from '../adapters/http/create-http-app.js';
import type { PrometheusMetrics } from '../adapters/metrics/prometheus-metrics.js';
import { serveSocketConnections } from '../adapters/realtime/serve-socket-connections.js';
import { maxPayloadBytesOf } from '../adapters/realtime/create-socket-server.js';
import { startSchedule, type RunningSchedule } from '../adapters/scheduler/scheduled-jobs.js';
import type { UseCases } from '../application/use-cases.js';
import { composeSystem, type AppOverrides, type ComposedSystem } from './compose-system.js';
import type { Config } from './config.js';
import type { Infrastructure } from './infrastructure.js';
import { listen } from './listen.js';
import { realtimeLimitsOf } from './realtime-limits.js';

export type { AppOverrides } from './compose-system.js';

export interface RunningApp {
  /** The HTTP port (0 when this process runs no api role). */
  readonly port: number;
  readonly url: string;
  /** The port of the probes of a process without the api role (HEALTH_PORT; 0 when none). */
  readonly healthPort: number;
  readonly useCases: UseCases;
  readonly infrastructure: Infrastructure;
  readonly metrics: PrometheusMetrics;
  /** Graceful: stops taking work, lets work in flight finish, then closes every connection. */
  stop(): Promise<void>;
}

const READINESS_TIMEOUT_MS = 2000;

/** The REST API and the socket events of the api role, on the system's HTTP server. */
const apiHandlers = (config: Config, system: ComposedSystem, probes: ProbeDeps) => {
  const { useCases, logger, infrastructure, metrics, io } = system;
  const koa = createHttpApp({
    useCases,
    logger,
    health: probes.health,
    metrics,
    rateLimiters: infrastructure.rateLimiters,
    options: {
      corsOrigins: config.CORS_ORIGINS,
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      trustProxy: config.TRUST_PROXY,
      apiRateLimit: { points: config.API_RATE_LIMIT_POINTS, durationSeconds: config.API_RATE_LIMIT_WINDOW_SECONDS },
      isShuttingDown: probes.isShuttingDown,
      isLive: probes.isLive,
      readinessTimeoutMs: probes.readinessTimeoutMs,
      ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
      realtimeLimits: realtimeLimitsOf(config, maxPayloadBytesOf(io)),
    },
  });
  const realtime = serveSocketConnections(io, {
    useCases,
    logger,
    eventBudget: infrastructure.rateLimiters({
      name: 'socket-events',
      points: config.SOCKET_EVENTS_PER_USER,
      durationSeconds: config.SOCKET_EVENTS_WINDOW_SECONDS,
    }),
    metrics,
    onConnectionCountChange: (n) => metrics.setSocketConnections(n),
    options: { typingTimeoutMs: config.TYPING_TIMEOUT_MS, presenceHeartbeatMs: config.PRESENCE_HEARTBEAT_MS },
  });
  return { handleRequest: koa.callback(), realtime };
};

/**
 * Composes the whole system for the configured roles and starts it. A start
 * that fails closes what it opened and rejects, with a StartupError naming
 * the setting to fix when it knows one.
 */
export const startApp = async (config: Config, overrides: AppOverrides = {}): Promise<RunningApp> => {
  const roles = new Set(config.ROLES);
  // The request listener must exist before Socket.IO attaches: engine.io only hands on requests to listeners already there.
  let handleRequest: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const httpServer = roles.has('api') ? http.createServer((req, res) => handleRequest(req, res)) : undefined;
  // A worker or scheduler has no API port: its probes get a small one of their own.
  const healthServer = !httpServer && config.HEALTH_PORT !== undefined ? http.createServer() : undefined;
  const servers = [httpServer, healthServer].filter((server) => server !== undefined);
  const system = await composeSystem(config, overrides, httpServer);
  const { logger, infrastructure, metrics, useCases } = system;

  let shuttingDown = false;
  let realtime: { close(): Promise<void> } | undefined;
  let schedule: RunningSchedule | undefined;
  const probes: ProbeDeps = {
    health: infrastructure.health,
    isShuttingDown: () => shuttingDown,
    isLive: () => infrastructure.isLive(),
    readinessTimeoutMs: READINESS_TIMEOUT_MS,
  };

  let stopping: Promise<void> | undefined;
  // After a failed start, only the failure is reported: no shutdown lines around it.
  const shutdown = (quietly: boolean) => {
    stopping ??= (async () => {
      shuttingDown = true;
      if (!quietly) logger.info('shutting down');
      await schedule?.stop();
      const closed = servers.map((server) =>
        server.listening ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve(),
      );
      await realtime?.close();
      for (const server of servers) server.closeIdleConnections();
      await Promise.all(closed);
      await system.close(quietly);
    })();
    return stopping;
  };
  const stop = () => shutdown(false);

  let port = 0;
  let healthPort = 0;
  try {
    if (httpServer) {
      const api = apiHandlers(config, system, probes);
      handleRequest = api.handleRequest;
      realtime = api.realtime;
      port = await listen(httpServer, config.PORT, config.HOST, 'PORT');
    }
    // Ports first: a port that cannot be had stops the start before any work is taken.
    if (healthServer && config.HEALTH_PORT !== undefined) {
      const metricsToken = config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {};
      healthServer.on('request', createHealthApp({ logger, metrics, probes, ...metricsToken }).callback());
      healthPort = await listen(healthServer, config.HEALTH_PORT, config.HOST, 'HEALTH_PORT');
    }
    if (roles.has('worker')) {
      await infrastructure.queue.consume(async (message, attempt) => {
        await useCases.deliverQueuedMessage.execute(message, attempt);
      });
    }
    if (roles.has('scheduler')) {
      schedule = startSchedule(useCases, logger, {
        planCron: config.AUTO_PLAN_CRON,
        enqueueCron: config.AUTO_ENQUEUE_CRON,
        pruneChangesCron: config.SYNC_PRUNE_CRON,
        timeZone: config.AUTO_TIMEZONE,
      });
    }
  } catch (error) {
    await shutdown(true);
    throw error;
  }

  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const url = httpServer ? `http://${host}:${port}` : '';
  logger.info('chat backend started', {
    roles: [...roles],
    adapters: infrastructure.active,
    ...(url ? { url, apiDocs: `${url}/api-docs` } : {}),
    ...(healthServer ? { probes: `http://${host}:${healthPort}/health/ready` } : {}),
    environment: config.NODE_ENV,
  });

  return { port, url, healthPort, useCases, infrastructure, metrics, stop };
};
