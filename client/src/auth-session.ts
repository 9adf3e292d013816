import { accessTokenLifetimeMs } from './access-token-lifetime.js';
import { backoffDelay } from './backoff.js';
import { ChatApiError } from './chat-api-error.js';
import type { KeyValueStorage } from './key-value-storage.js';
import type { SessionEndReason, UserView } from './public-types.js';
import type { AccessTokenSource, RestClient } from './rest-client.js';
import type { MeData, RefreshData } from './rest-types.js';

/** The storage key of the login: the user and the refresh token, so a reload can resume. */
export const LOGIN_KEY = 'login';

export interface StoredLogin {
  readonly user: UserView;
  readonly refreshToken: string;
}

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** Used when a token carries no readable lifetime: refresh soon rather than late. */
const UNKNOWN_LIFETIME_MS = 60_000;

export const readStoredLogin = async (storage: KeyValueStorage): Promise<StoredLogin | null> => {
  const raw = await storage.get(LOGIN_KEY);
  if (!raw) return null;
  try {
    const login = JSON.parse(raw) as Partial<StoredLogin>;
    return typeof login.refreshToken === 'string' && typeof login.user?.id === 'string' ? (login as StoredLogin) : null;
  } catch {
    return null;
  }
};

/**
 * Renews the stored login (a page reload): its user and new tokens, with an
 * empty access token when the server could not be reached (renewed once it
 * answers); null when there is none or the server refused it (then forgotten).
 */
export const renewStoredLogin = async (
  rest: RestClient,
  storage: KeyValueStorage,
): Promise<{ user: UserView; tokens: IssuedTokens } | null> => {
  const stored = await readStoredLogin(storage);
  if (!stored) return null;
  try {
    const body = { refreshToken: stored.refreshToken };
    return {
      user: stored.user,
      tokens: await rest.call<RefreshData>('POST', '/api/auth/refresh', { auth: false, body }),
    };
  } catch (error) {
    if (error instanceof ChatApiError && error.transient) {
      return { user: stored.user, tokens: { accessToken: '', refreshToken: stored.refreshToken } };
    }
    await storage.remove(LOGIN_KEY);
    return null;
  }
};

/** Removes the stored login if it is still the one with `refreshToken` (another tab may have logged in since). */
export const forgetStoredLogin = async (storage: KeyValueStorage, refreshToken: string): Promise<void> => {
  try {
    const stored = await readStoredLogin(storage);
    if (stored?.refreshToken === refreshToken) await storage.remove(LOGIN_KEY);
  } catch {
    // A storage that fails keeps it: the server refuses the spent token all the same.
  }
};

/**
 * One login: the access token, renewed `margin` before it expires (and when
 * the server refuses it), with one refresh in flight at a time whoever asks,
 * so a refresh token is never presented twice by this client. The rotated
 * refresh token is stored before anyone uses the new access token.
 */
export class AuthSession implements AccessTokenSource {
  private accessToken = '';
  private refreshToken = '';
  private refreshAt = 0;
  private inflight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failedRefreshes = 0;
  private over = false;

  constructor(
    private readonly deps: {
      readonly rest: RestClient;
      readonly storage: KeyValueStorage;
      readonly now: () => number;
      readonly marginMs: number;
      /** The refresh token was refused: the login is over. */
      readonly onEnded: (reason: SessionEndReason) => void;
    },
    public user: UserView,
    tokens: IssuedTokens,
  ) {
    this.accept(tokens);
  }

  get ended(): boolean {
    return this.over;
  }

  /** The refresh token as it is now (logout names the session by it). */
  get currentRefreshToken(): string {
    return this.refreshToken;
  }

  async save(): Promise<void> {
    const login: StoredLogin = { user: this.user, refreshToken: this.refreshToken };
    await this.deps.storage.set(LOGIN_KEY, JSON.stringify(login));
  }

  /** Reads `/api/auth/me`: the stored copy of the user may be old (a renamed account), so it is replaced. */
  async reread(): Promise<MeData> {
    const me = await this.deps.rest.call<MeData>('GET', '/api/auth/me');
    if (!this.over) {
      this.user = me.user;
      await this.save();
    }
    return me;
  }

  async current(): Promise<string> {
    if (this.over) throw new ChatApiError(401, 'UNAUTHORIZED', 'Logged out');
    if (this.deps.now() < this.refreshAt) return this.accessToken;
    try {
      await this.refresh();
    } catch (error) {
      // Not renewed for now (no network?): the old token may still be good, the server will say.
      if (this.over) throw error;
    }
    return this.accessToken;
  }

  async rejected(token: string): Promise<string | null> {
    if (this.over) return null;
    // Someone renewed it since this token was taken.
    if (token !== this.accessToken) return this.accessToken;
    try {
      await this.refresh();
      return this.over ? null : this.accessToken;
    } catch {
      return null;
    }
  }

  /** Renews the tokens; callers at the same time share one request. */
  refresh(): Promise<void> {
    if (this.over) return Promise.reject(new ChatApiError(401, 'UNAUTHORIZED', 'Logged out'));
    this.inflight ??= this.rotate().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Stops the timer; the stored login stays (close) or is removed by the caller (logout). */
  dispose(): void {
    this.over = true;
    clearTimeout(this.timer);
  }

  private async rotate(): Promise<void> {
    // Another tab sharing the storage may have rotated the token already: use its successor, never the spent one.
    const stored = await readStoredLogin(this.deps.storage).catch(() => null);
    const refreshToken = stored?.user.id === this.user.id ? stored.refreshToken : this.refreshToken;
    try {
      const tokens = await this.deps.rest.call<RefreshData>('POST', '/api/auth/refresh', {
        auth: false,
        body: { refreshToken },
      });
      if (this.over) return;
      this.accept(tokens);
      this.failedRefreshes = 0;
      await this.save();
    } catch (error) {
      if (this.over) throw error;
      if (error instanceof ChatApiError && !error.transient) {
        await this.end(refreshToken);
      } else {
        this.failedRefreshes += 1;
        this.schedule(this.deps.now() + backoffDelay(this.failedRefreshes));
      }
      throw error;
    }
  }

  private accept(tokens: IssuedTokens): void {
    this.accessToken = tokens.accessToken;
    this.refreshToken = tokens.refreshToken;
    if (tokens.accessToken === '') {
      // Resumed offline: no access token yet, renew as soon as the server answers.
      this.refreshAt = 0;
      this.schedule(0);
      return;
    }
    const lifetime = accessTokenLifetimeMs(tokens.accessToken) ?? UNKNOWN_LIFETIME_MS;
    this.refreshAt = this.deps.now() + lifetime - Math.min(this.deps.marginMs, lifetime / 3);
    this.schedule(this.refreshAt);
  }

  private schedule(at: number): void {
    clearTimeout(this.timer);
    if (this.over) return;
    this.timer = setTimeout(
      () => {
        this.refresh().catch(() => undefined);
      },
      Math.max(0, at - this.deps.now()),
    );
  }

  private async end(refusedToken: string): Promise<void> {
    this.dispose();
    await forgetStoredLogin(this.deps.storage, refusedToken);
    this.deps.onEnded('expired');
  }
}
