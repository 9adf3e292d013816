import { createHttpApp, type HttpAppOptions } from '../../../src/adapters/http/create-http-app.js';
import { createInMemoryRateLimiterFactory } from '../../../src/adapters/memory/in-memory-rate-limiter.js';
import { PrometheusMetrics } from '../../../src/adapters/metrics/prometheus-metrics.js';
import { DEFAULT_MAX_PAYLOAD_BYTES } from '../../../src/adapters/realtime/create-socket-server.js';
import type { UseCases } from '../../../src/application/use-cases.js';
import { realtimeLimitsOf } from '../../../src/bootstrap/realtime-limits.js';
import type { HealthIndicator } from '../../../src/ports/health-indicator.js';
import { testConfig } from '../../support/build-core.js';
import { RecordingLogger } from '../../support/recording-logger.js';
import { serve, type Served } from './serve.js';

export interface EdgeApp extends Served {
  readonly logger: RecordingLogger;
  readonly metrics: PrometheusMetrics;
}

/**
 * The real app over real middleware, for requests that never reach a use case
 * (probes, docs, bodies refused at the edge, unknown routes): no use case is
 * wired, and none may be called.
 */
export const startEdgeApp = async (
  overrides: { health?: HealthIndicator[]; options?: Partial<HttpAppOptions> } = {},
): Promise<EdgeApp> => {
  const logger = new RecordingLogger();
  const metrics = new PrometheusMetrics({ defaultMetrics: false });
  const app = createHttpApp({
    useCases: {} as UseCases,
    logger,
    health: overrides.health ?? [],
    metrics,
    rateLimiters: createInMemoryRateLimiterFactory(),
    options: {
      corsOrigins: '*',
      bodyLimitBytes: 1024,
      trustProxy: false,
      apiRateLimit: { points: 1000, durationSeconds: 60 },
      isShuttingDown: () => false,
      realtimeLimits: realtimeLimitsOf(testConfig(), DEFAULT_MAX_PAYLOAD_BYTES),
      ...overrides.options,
    },
  });
  return { ...(await serve(app)), logger, metrics };
};
