import { Manager, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/ports/realtime-events.js';
import { backoffDelay } from './backoff.js';
import type { ConnectionState } from './public-types.js';
import { transportsFor, type WebSocketConstructor } from './web-socket-transports.js';

export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SocketTransportOptions {
  readonly baseUrl: string;
  /** Default: `/socket.io` under the base URL's path. */
  readonly path?: string;
  readonly webSocket?: WebSocketConstructor;
  /** The access token for the next handshake (renewed first when due). */
  readonly token: () => Promise<string>;
  /** The server refused `token` (expired, revoked): renew it before the next handshake. */
  readonly tokenRejected: (token: string) => Promise<unknown>;
  readonly onState: (state: ConnectionState) => void;
  readonly onConnect: () => void;
}

const endpointOf = (baseUrl: string, path: string | undefined): { origin: string; path: string } => {
  const location = (globalThis as { location?: { origin?: string } }).location;
  const url = new URL(baseUrl || location?.origin || 'http://localhost');
  return { origin: url.origin, path: path ?? `${url.pathname.replace(/\/+$/, '')}/socket.io` };
};

/**
 * The socket and its reconnection. Socket.IO reconnects by itself after a
 * lost connection, but not after the server refused or closed the socket on
 * purpose (expired token: `error UNAUTHORIZED` then a disconnect, or
 * `connect_error unauthorized` at the handshake): then the token is renewed
 * and the socket connects again here, with backoff. The handshake reads the
 * token through a callback, so every attempt carries the current one.
 */
export class SocketTransport {
  private socket: ChatSocket | null = null;
  private handshakeToken: string | null = null;
  private renewal: Promise<unknown> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private closed = false;
  private current: ConnectionState = 'offline';

  constructor(private readonly options: SocketTransportOptions) {}

  get state(): ConnectionState {
    return this.current;
  }

  get connected(): boolean {
    return this.socket?.connected === true;
  }

  /** Creates the socket, lets `bind` add the event listeners, and connects. */
  async start(bind: (socket: ChatSocket) => void): Promise<void> {
    const transports = await transportsFor(this.options.webSocket);
    if (this.closed) return;
    const { origin, path } = endpointOf(this.options.baseUrl, this.options.path);
    const manager = new Manager<ServerToClientEvents, ClientToServerEvents>(origin, {
      path,
      transports,
      tryAllTransports: true,
      autoConnect: false,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
    });
    const socket: ChatSocket = manager.socket('/', {
      auth: (send) => {
        void this.handshakeAuth().then(send);
      },
    });
    this.socket = socket;
    this.listen(socket);
    bind(socket);
    this.setState('connecting');
    socket.connect();
  }

  /** The socket when connected; emits while disconnected would be buffered and sent late. */
  live(): ChatSocket | null {
    return this.socket?.connected ? this.socket : null;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.socket?.disconnect();
    this.setState('offline');
  }

  private async handshakeAuth(): Promise<{ token?: string }> {
    try {
      await this.renewal;
      const token = await this.options.token();
      this.handshakeToken = token;
      return { token };
    } catch {
      // Logged out meanwhile: the server refuses, and the session's end closes this transport.
      return {};
    }
  }

  private listen(socket: ChatSocket): void {
    socket.on('connect', () => {
      this.retries = 0;
      this.setState('online');
      this.options.onConnect();
    });
    socket.on('disconnect', (reason) => {
      if (this.closed) return;
      this.setState('connecting');
      // The server closed it on purpose: Socket.IO leaves reconnecting to us.
      if (reason === 'io server disconnect') this.reconnectLater();
    });
    socket.on('connect_error', (error) => {
      if (this.closed || socket.active) return; // a lost connection: Socket.IO retries by itself
      this.setState('connecting');
      if (error.message === 'unauthorized') this.renewToken();
      this.reconnectLater();
    });
    // Sent just before the server drops a socket whose token expired.
    socket.on('error', (error) => {
      if (error?.code === 'UNAUTHORIZED') this.renewToken();
    });
  }

  private renewToken(): void {
    const token = this.handshakeToken;
    if (token === null || this.renewal) return;
    this.renewal = this.options
      .tokenRejected(token)
      .catch(() => undefined)
      .finally(() => {
        this.renewal = null;
      });
  }

  private reconnectLater(): void {
    if (this.closed || this.retryTimer !== undefined) return;
    // The first retry soon (a routine token expiry), later ones spread out.
    const delay = this.retries === 0 ? Math.random() * 300 : backoffDelay(this.retries, { baseMs: 500, maxMs: 15_000 });
    this.retries += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.closed && this.socket && !this.socket.connected && !this.socket.active) this.socket.connect();
    }, delay);
  }

  private setState(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    this.options.onState(state);
  }
}
