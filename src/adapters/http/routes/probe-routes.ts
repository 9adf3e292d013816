import Router from '@koa/router';
import { ERROR_CODES } from '../../../domain/errors.js';
import type { HealthIndicator } from '../../../ports/health-indicator.js';
import { sendFailure, sendSuccess } from '../envelope.js';
import type { HttpState } from '../http-state.js';
import { checkServices } from '../readiness.js';

export interface ProbeDeps {
  readonly health: readonly HealthIndicator[];
  readonly isShuttingDown: () => boolean;
  /** False when the process cannot recover by itself and should be restarted. */
  readonly isLive: () => boolean;
  readonly readinessTimeoutMs: number;
}

/** Liveness and readiness, on the API port or on the health port of a process without one. */
export const probeRoutes = (deps: ProbeDeps): Router<HttpState> =>
  new Router<HttpState>()
    .get('/health/live', (ctx) => {
      if (!deps.isLive()) {
        sendFailure(ctx, 503, {
          message: 'Not live: a backing service has answered nothing for too long',
          code: ERROR_CODES.Unavailable,
        });
        return;
      }
      sendSuccess(ctx, { status: 'alive' });
    })
    .get('/health/ready', async (ctx) => {
      if (deps.isShuttingDown()) {
        sendFailure(ctx, 503, { message: 'Shutting down', code: ERROR_CODES.Unavailable });
        return;
      }
      const checks = await checkServices(deps.health, deps.readinessTimeoutMs);
      const down = checks.filter((c) => !c.up);
      if (down.length === 0) {
        sendSuccess(ctx, { status: 'ready', services: Object.fromEntries(checks.map((c) => [c.name, 'up'])) });
        return;
      }
      ctx.state.logger.warn('not ready', { down: down.map(({ name, reason }) => ({ name, reason })) });
      sendFailure(ctx, 503, {
        message: `Not ready: ${down.map((c) => c.name).join(', ')} unavailable`,
        code: ERROR_CODES.Unavailable,
        errors: down.map((c) => ({ field: c.name, message: 'unavailable' })),
      });
    });
