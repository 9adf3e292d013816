import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { reasonOf, StartupError } from './startup-error.js';

const listenError = (error: NodeJS.ErrnoException, port: number, host: string, setting: string): StartupError => {
  switch (error.code) {
    case 'EADDRINUSE':
      return new StartupError(setting, `port ${port} on ${host} is already in use: choose another ${setting}`);
    case 'EACCES':
      return new StartupError(
        setting,
        `port ${port} on ${host} needs privileges this process lacks: use one above 1023`,
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new StartupError('HOST', `${host} is not an address of this machine`);
    default:
      return new StartupError(setting, `cannot listen on ${host}:${port}: ${reasonOf(error)}`);
  }
};

/** Listens and resolves with the port; a port that cannot be had is a StartupError naming `setting`. */
export const listen = (server: http.Server, port: number, host: string, setting: string): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port, host, setting)));
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
