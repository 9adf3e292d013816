/** What a log line may say about an exception. */
export const exceptionMeta = (exception: unknown): Record<string, unknown> =>
  exception instanceof Error
    ? { name: exception.name, message: exception.message, stack: exception.stack }
    : { message: String(exception) };
