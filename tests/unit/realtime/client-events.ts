import type { ServerEventName, ServerEventPayload } from '../../../src/ports/realtime-events.js';
import type { ChatClient } from './build-system.js';

const DEFAULT_WAIT_MS = 3_000;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The next `event` the client receives; rejects after `timeoutMs`. */
export const nextEvent = <E extends ServerEventName>(
  client: ChatClient,
  event: E,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<ServerEventPayload<E>> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(event, listener as never);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: ServerEventPayload<E>) => {
      clearTimeout(timer);
      client.off(event, listener as never);
      resolve(payload);
    };
    client.on(event, listener as never);
  });

/** Every `event` the client receives from now on. */
export const collect = <E extends ServerEventName>(client: ChatClient, event: E): Array<ServerEventPayload<E>> => {
  const received: Array<ServerEventPayload<E>> = [];
  client.on(event, ((payload: ServerEventPayload<E>) => received.push(payload)) as never);
  return received;
};

/** Resolves once `condition` holds; rejects after `timeoutMs`. */
export const eventually = async (
  condition: () => boolean | Promise<boolean>,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
};

/** The `connect_error` a client gets when it tries to connect. */
export const connectError = (client: ChatClient): Promise<Error & { data?: unknown }> =>
  new Promise((resolve, reject) => {
    client.once('connect', () => reject(new Error('connected, expected connect_error')));
    client.once('connect_error', resolve);
    client.connect();
  });
