/**
 * `promise`, or a rejection with `timeoutError()` when it has not settled after `ms`. A driver's own
 * timeouts stop counting once a request is written, so they cannot see a server that accepted it and
 * never answers.
 */
export const settleWithin = async <T>(ms: number, promise: Promise<T>, timeoutError: () => Error): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
};
