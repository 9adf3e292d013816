import net from 'node:net';

export interface TcpRelay {
  /** The target URL with its port replaced by the relay's. */
  readonly url: string;
  /** Stops listening and destroys every relayed connection. */
  cut(): void;
}

/** A TCP relay to a server: cutting it kills every connection made through it, like a crashed process. */
export const startRelay = async (target: string): Promise<TcpRelay> => {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  const url = new URL(target);
  url.port = String(address.port);
  return {
    url: url.toString(),
    cut: () => {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
  };
};
