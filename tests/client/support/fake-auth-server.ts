/** A JWT-shaped token (unsigned: the client only reads its lifetime). */
export const fakeAccessToken = (n: number, lifetimeSeconds: number): string => {
  const iat = Math.floor(Date.now() / 1000);
  const payload = Buffer.from(JSON.stringify({ sub: 'u', n, iat, exp: iat + lifetimeSeconds })).toString('base64url');
  return `eyJhbGciOiJIUzI1NiJ9.${payload}.sig`;
};

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * Just enough of the server's auth for the session logic: rotating refresh
 * tokens (a spent one is refused), one valid access token at a time, and a
 * protected `/api/thing`. Records every refresh request.
 */
export class FakeAuthServer {
  generation = 1;
  lifetimeSeconds = 900;
  readonly refreshes: string[] = [];
  thingCalls = 0;
  /** Answer refreshes only once this resolves (to hold many callers at once). */
  gate: Promise<void> = Promise.resolve();

  get accessToken(): string {
    return `access-${this.generation}`;
  }

  tokens(): { accessToken: string; refreshToken: string } {
    return {
      accessToken: fakeAccessToken(this.generation, this.lifetimeSeconds),
      refreshToken: `refresh-${this.generation}`,
    };
  }

  /** Every access token issued so far stops working (as when the server's clock passes their expiry). */
  expireAccessTokens(): void {
    this.valid = null;
  }

  private valid: string | null = null;

  /** The tokens a client starts with. */
  login(): { accessToken: string; refreshToken: string } {
    const tokens = this.tokens();
    this.valid = tokens.accessToken;
    return tokens;
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    if (url.pathname === '/api/auth/refresh') {
      const { refreshToken } = JSON.parse(String(init?.body)) as { refreshToken: string };
      this.refreshes.push(refreshToken);
      await this.gate;
      if (refreshToken !== `refresh-${this.generation}`) {
        return json(401, { success: false, code: 'UNAUTHORIZED', message: 'Invalid or expired refresh token' });
      }
      this.generation += 1;
      const tokens = this.tokens();
      this.valid = tokens.accessToken;
      return json(200, { success: true, data: tokens });
    }
    if (url.pathname === '/api/thing') {
      this.thingCalls += 1;
      const auth = new Headers(init?.headers).get('authorization');
      if (this.valid === null || auth !== `Bearer ${this.valid}`) {
        return json(401, { success: false, code: 'UNAUTHORIZED', message: 'expired' });
      }
      return json(200, { success: true, data: { ok: true } });
    }
    return json(404, { success: false, code: 'NOT_FOUND', message: 'no route' });
  };
}
