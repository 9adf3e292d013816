import { startApp, type AppOverrides, type RunningApp } from '../../../src/bootstrap/app.js';
import { testConfig } from '../../support/build-core.js';
import { createApiClient, type ApiClient } from './api-client.js';

/** Short timings keep the suite fast; limits are high so only the dedicated rate-limit apps ever hit them. */
export const E2E_ENV: Readonly<Record<string, string>> = {
  PORT: '0',
  HOST: '127.0.0.1',
  ROLES: 'api,worker,scheduler',
  TYPING_TIMEOUT_MS: '600',
  DELIVERY_RECEIPT_TIMEOUT_MS: '2000',
  PRESENCE_HEARTBEAT_MS: '1000',
  API_RATE_LIMIT_POINTS: '1000000',
  LOGIN_LIMIT_PER_IP: '100000',
};

export interface E2eApp {
  readonly url: string;
  readonly app: RunningApp;
  /** HTTP client bound to this app; every JSON response is checked against the OpenAPI document. */
  readonly api: ApiClient;
  stop(): Promise<void>;
}

/**
 * Starts an app for a scenario group; `env` overrides the e2e defaults (e.g.
 * a short token lifetime). Every call must give an app isolated from the
 * others (on real services: its own database, Redis key prefix and queue),
 * since rate limits and presence counts are per app and all requests come
 * from 127.0.0.1.
 */
export type StartE2eApp = (env?: Record<string, string>, overrides?: AppOverrides) => Promise<E2eApp>;

/** The composed app on the embedded (in-memory) adapters unless `env` configures real services. */
export const startE2eApp: StartE2eApp = async (env = {}, overrides = {}) => {
  const app = await startApp(testConfig({ ...E2E_ENV, ...env }), overrides);
  return { url: app.url, app, api: createApiClient(app.url), stop: () => app.stop() };
};
