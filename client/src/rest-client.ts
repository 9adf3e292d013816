import { ChatApiError } from './chat-api-error.js';

/** The access token as the session keeps it. */
export interface AccessTokenSource {
  /** A token to send now, renewed first when it is about to expire. */
  current(): Promise<string>;
  /** The server refused `token`: a renewed token to retry with, or null when the session is over. */
  rejected(token: string): Promise<string | null>;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface CallOptions {
  readonly body?: unknown;
  readonly query?: Query;
  /** Send the access token (default true); a 401 then renews it once and retries once. */
  readonly auth?: boolean;
}

/** JSON over fetch with the server's envelope unwrapped: `data` on success, a ChatApiError otherwise. */
export class RestClient {
  private tokens: AccessTokenSource | null = null;

  constructor(
    private readonly options: {
      readonly baseUrl: string;
      readonly fetch: typeof fetch;
      readonly timeoutMs: number;
    },
  ) {}

  useTokens(tokens: AccessTokenSource | null): void {
    this.tokens = tokens;
  }

  async call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
    if (options.auth === false) return this.once<T>(method, path, options, null);
    const tokens = this.tokens;
    if (!tokens) throw new ChatApiError(401, 'UNAUTHORIZED', 'Not logged in');
    const token = await tokens.current();
    try {
      return await this.once<T>(method, path, options, token);
    } catch (error) {
      if (!(error instanceof ChatApiError) || error.status !== 401) throw error;
      const renewed = await tokens.rejected(token);
      if (renewed === null) throw error;
      return this.once<T>(method, path, options, renewed);
    }
  }

  private async once<T>(method: string, path: string, options: CallOptions, token: string | null): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.options.fetch(this.url(path, options.query), {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as { name?: string }).name === 'TimeoutError';
      throw new ChatApiError(0, timedOut ? 'TIMEOUT' : 'NETWORK', `${method} ${path}: ${(error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    let body: { success?: boolean; data?: unknown; code?: string; message?: string; errors?: [] } | undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (response.ok && body?.success === true) return body.data as T;
    throw new ChatApiError(
      response.status,
      body?.code ?? `HTTP_${response.status}`,
      body?.message ?? `${method} ${path}: ${response.status}`,
      body?.errors ?? [],
    );
  }

  private url(path: string, query: Query | undefined): string {
    const params = Object.entries(query ?? {}).filter(
      (entry): entry is [string, string | number | boolean] => entry[1] !== undefined,
    );
    const search = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&');
    return `${this.options.baseUrl}${path}${search ? `?${search}` : ''}`;
  }
}
