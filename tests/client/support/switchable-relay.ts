import net from 'node:net';

export interface SwitchableRelay {
  /** The target URL with its port replaced by the relay's. */
  readonly url: string;
  /** The server becomes unreachable: open connections are cut, new ones reset at once. */
  down(): void;
  /** Requests still reach the server, its answers are lost (a one-way network failure). */
  loseReplies(): void;
  /** Reachable again; connections that lost replies are cut first (their streams are broken). */
  restore(): void;
  close(): Promise<void>;
}

/** A TCP relay in front of a server whose link can be taken down and brought back on the same port. */
export const startSwitchableRelay = async (target: string): Promise<SwitchableRelay> => {
  const { hostname, port } = new URL(target);
  let mode: 'open' | 'down' | 'lose-replies' = 'open';
  const connections = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const cutAll = () => {
    for (const { client, upstream } of connections) {
      client.destroy();
      upstream.destroy();
    }
    connections.clear();
  };
  const server = net.createServer((client) => {
    client.on('error', () => undefined);
    if (mode === 'down') {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(Number(port), hostname);
    upstream.on('error', () => undefined);
    const pair = { client, upstream };
    connections.add(pair);
    const close = () => {
      connections.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close);
    upstream.on('close', close);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (mode === 'open') client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString().replace(/\/$/, ''),
    down: () => {
      mode = 'down';
      cutAll();
    },
    loseReplies: () => {
      mode = 'lose-replies';
    },
    restore: () => {
      if (mode === 'lose-replies') cutAll();
      mode = 'open';
    },
    close: async () => {
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
