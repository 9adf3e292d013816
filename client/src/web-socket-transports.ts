import { Fetch, WebSocket as WebSocketTransport, XHR } from 'socket.io-client';

/** A WebSocket class as browsers, Node 22+ and the `ws` package provide it. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => unknown;

interface Globals {
  WebSocket?: WebSocketConstructor;
  XMLHttpRequest?: unknown;
  process?: { versions?: { node?: string } };
}

/**
 * Node before 22 has no global WebSocket; the `ws` package, when installed,
 * stands in (imported by a computed name so bundlers leave it out of the
 * browser build).
 */
const nodeWebSocket = async (): Promise<WebSocketConstructor | undefined> => {
  if (typeof (globalThis as Globals).process?.versions?.node !== 'string') return undefined;
  const name = 'ws';
  try {
    const ws = (await import(/* @vite-ignore */ name)) as { WebSocket?: WebSocketConstructor };
    return ws.WebSocket;
  } catch {
    return undefined;
  }
};

/**
 * The engine.io transports to use, in order: WebSocket first (given,
 * global, or `ws` on Node), then HTTP long-polling (XMLHttpRequest in
 * browsers, fetch elsewhere), so the one bundled file connects everywhere.
 */
export const transportsFor = async (given?: WebSocketConstructor) => {
  const globals = globalThis as Globals;
  const polling = typeof globals.XMLHttpRequest === 'function' ? XHR : Fetch;
  if (!given && globals.WebSocket) return [WebSocketTransport, polling];
  const found = given ?? (await nodeWebSocket());
  if (!found) return [polling];
  const Constructor = found;
  class GivenWebSocket extends WebSocketTransport {
    override createSocket(uri: string, protocols: string | string[] | undefined) {
      return new Constructor(uri, protocols) as ReturnType<WebSocketTransport['createSocket']>;
    }
  }
  return [GivenWebSocket, polling];
};
