import { afterAll, beforeAll } from 'vitest';
import type { E2eApp, StartE2eApp } from './start-e2e-app.js';

/** One app for the enclosing describe block: started before its tests, stopped after them. */
export const useE2eApp = (start: StartE2eApp, env?: Record<string, string>): (() => E2eApp) => {
  let app: E2eApp | undefined;
  beforeAll(async () => {
    app = await start(env);
  });
  afterAll(async () => {
    await app?.stop();
  });
  return () => {
    if (!app) throw new Error('the e2e app did not start');
    return app;
  };
};
