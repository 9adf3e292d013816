import type { KeyValueStorage } from './key-value-storage.js';
import type { WebSocketConstructor } from './web-socket-transports.js';

/** How a ChatClient reaches the server and keeps its state; all but `baseUrl` have defaults. */
export interface ChatClientOptions {
  /** The server: '' for the page's own origin in a browser, e.g. 'http://localhost:3000' in Node. */
  readonly baseUrl: string;
  /** Where the login (refresh token) and the outbox persist; default memoryStorage(). */
  readonly storage?: KeyValueStorage;
  /** Default globalThis.fetch. */
  readonly fetch?: typeof fetch;
  /** Renew the access token this long before it expires (at most a third of its lifetime); default 30. */
  readonly refreshMarginSeconds?: number;
  /** A WebSocket class where there is no global one (Node 20: `WebSocket` from `ws`); default: global, else `ws` if installed, else long-polling. */
  readonly WebSocket?: WebSocketConstructor;
  /** Socket.IO path; default `/socket.io` under the base URL's path. */
  readonly socketPath?: string;
  /** How long one REST request may take; default 15 s. */
  readonly requestTimeoutMs?: number;
  /** How long a send over the socket waits for its acknowledgement before it is tried again; default 10 s. */
  readonly sendTimeoutMs?: number;
  /** The clock (ms since the epoch) deciding when tokens are due; default Date.now. */
  readonly now?: () => number;
}
