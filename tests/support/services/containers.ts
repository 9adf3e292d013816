import { GenericContainer, getContainerRuntimeClient, Wait, type StartedTestContainer } from 'testcontainers';
import type { LocalServer, ServiceName } from './service-launcher.js';

const IMAGES: Record<ServiceName, { image: string; port: number; url: (host: string, port: number) => string }> = {
  mongo: { image: 'mongo:7', port: 27017, url: (host, port) => `mongodb://${host}:${port}` },
  redis: { image: 'redis:7-alpine', port: 6379, url: (host, port) => `redis://${host}:${port}` },
  rabbitmq: { image: 'rabbitmq:3.13-alpine', port: 5672, url: (host, port) => `amqp://guest:guest@${host}:${port}` },
};

/** Null when a Docker (or compatible) engine answers; otherwise why not. */
export const containerRuntimeUnavailable = async (): Promise<string | null> => {
  try {
    await getContainerRuntimeClient();
    return null;
  } catch (error) {
    return `no container engine answers (${(error as Error).message.split('\n')[0]})`;
  }
};

/**
 * The service in a throwaway container, for machines with a container engine
 * and no local server binary. Restarting is not offered (the mapped port may
 * change), so fault tests keep to local servers.
 */
export const startContainer = async (name: ServiceName): Promise<LocalServer> => {
  const { image, port, url } = IMAGES[name];
  let container: StartedTestContainer | undefined = await new GenericContainer(image)
    .withExposedPorts(port)
    .withWaitStrategy(Wait.forListeningPorts())
    .start();
  return {
    url: url(container.getHost(), container.getMappedPort(port)),
    async stop() {
      await container?.stop();
      container = undefined;
    },
    async start() {
      throw new Error(`a ${name} container cannot be restarted on the same port; use a local server`);
    },
  };
};
