import { settleWithin } from '../shared/settle-within.js';

/** Named so the edges answer 503 (see src/adapters/shared/is-service-outage.ts). */
export const serviceUnavailable = (message: string, cause?: unknown): Error =>
  Object.assign(new Error(message, { cause }), { name: 'ServiceUnavailableError' });

/** Rejects when `promise` has not settled after `ms`: node-redis's own command timeout stops counting once a command is written. */
export const withTimeout = <T>(ms: number, what: string, promise: Promise<T>): Promise<T> =>
  settleWithin(ms, promise, () => serviceUnavailable(`redis: ${what} got no reply within ${ms} ms`));
