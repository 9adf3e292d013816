/** Named so the edges answer 503 (see src/adapters/shared/is-service-outage.ts). */
export const serviceUnavailable = (message: string, cause?: unknown): Error =>
  Object.assign(new Error(message, { cause }), { name: 'ServiceUnavailableError' });

/**
 * Rejects when `promise` has not settled after `ms`. node-redis's own command
 * timeout stops counting once a command is written, so it cannot see a server
 * that accepted the command and never answers.
 */
export const withTimeout = async <T>(ms: number, what: string, promise: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(serviceUnavailable(`redis: ${what} got no reply within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
};
