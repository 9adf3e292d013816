import type { TestProject } from 'vitest/node';
import { containerRuntimeUnavailable, startContainer } from './services/containers.js';
import { mongoLauncher } from './services/mongo.js';
import { rabbitmqLauncher } from './services/rabbitmq.js';
import { redisLauncher } from './services/redis.js';
import type { LocalServer, ServiceLauncher, ServiceName } from './services/service-launcher.js';

/** Where each real service is for this run: a URL, or why there is none. */
export type ServiceAvailability = Record<ServiceName, { url: string } | { skipReason: string }>;

declare module 'vitest' {
  export interface ProvidedContext {
    services: ServiceAvailability;
  }
}

const launchers: readonly ServiceLauncher[] = [mongoLauncher, redisLauncher, rabbitmqLauncher];
const started: LocalServer[] = [];

const locate = async (launcher: ServiceLauncher): Promise<{ url: string } | { skipReason: string }> => {
  const fromEnv = process.env[launcher.envVar];
  if (fromEnv) return { url: fromEnv };
  const reason = await launcher.unavailableReason();
  const engine = reason ? await containerRuntimeUnavailable() : null;
  if (reason && engine) {
    return { skipReason: `${launcher.name}: ${reason}; ${engine} (set ${launcher.envVar} to use a running server)` };
  }
  try {
    const server = reason ? await startContainer(launcher.name) : await launcher.launch();
    started.push(server);
    return { url: server.url };
  } catch (error) {
    return { skipReason: `${launcher.name}: server failed to start: ${(error as Error).message}` };
  }
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const entries = await Promise.all(launchers.map(async (l) => [l.name, await locate(l)] as const));
  const services = Object.fromEntries(entries) as ServiceAvailability;
  for (const [name, availability] of entries) {
    const line =
      'url' in availability ? `${name}: ${availability.url.replace(/\/\/[^@/]*@/, '//***@')}` : availability.skipReason;
    console.log(`[services] ${line}`);
  }
  project.provide('services', services);
  return async () => {
    await Promise.all(started.map((server) => server.stop()));
  };
}
