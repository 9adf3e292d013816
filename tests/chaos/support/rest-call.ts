export interface RestReply {
  readonly status: number;
  /** The parsed JSON body, or undefined when there was none. */
  readonly body: any;
}

/**
 * One JSON request with a deadline. A refused connection, a reset or the
 * deadline rejects: the caller decides whether to retry.
 */
export const restCall = async (
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<RestReply> => {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
};

/** Statuses a careful client retries: the request may succeed later, on this process or another. */
export const isTransient = (status: number): boolean => status === 429 || status >= 500;
