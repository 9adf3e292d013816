import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { AppOverrides } from '../../../src/bootstrap/app.js';
import type { E2eApp, StartE2eApp } from './start-e2e-app.js';

export interface DeploymentOptions {
  /** Two app processes on the same services: sockets of one user spread over both. */
  readonly twoProcesses: boolean;
}

/**
 * The deployment under test as two handles: two processes sharing their
 * database, fan-out and queue, or one process twice on the embedded default.
 */
export const useDeployment = (
  start: StartE2eApp,
  options: DeploymentOptions,
  env: Record<string, string> = {},
  overrides: AppOverrides = {},
): (() => readonly [E2eApp, E2eApp]) => {
  const apps: E2eApp[] = [];
  beforeAll(async () => {
    if (!options.twoProcesses) {
      apps.push(await start(env, overrides));
      return;
    }
    const shared = randomBytes(4).toString('hex');
    const sharedEnv = {
      ...env,
      MONGODB_DB: `e2e_deployment_${shared}`,
      REDIS_KEY_PREFIX: `e2e:deployment:${shared}:`,
      RABBITMQ_QUEUE: `e2e.deployment.${shared}`,
    };
    // One after the other: both would create the same indexes at once.
    apps.push(await start(sharedEnv, overrides));
    apps.push(await start(sharedEnv, overrides));
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
  });
  return () => {
    const [a, b] = apps;
    if (!a) throw new Error('the e2e apps did not start');
    return [a, b ?? a] as const;
  };
};
