import type { AddressInfo } from 'node:net';
import type Koa from 'koa';

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on a free local port; `close` also ends kept-alive connections. */
export const serve = async (app: Koa): Promise<Served> => {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
