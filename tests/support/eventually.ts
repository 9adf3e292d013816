/** Retries an assertion until it passes, or rethrows its last failure once `timeoutMs` has passed. */
export const eventually = async <T>(assertion: () => Promise<T>, timeoutMs = 10_000, intervalMs = 50): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
};
