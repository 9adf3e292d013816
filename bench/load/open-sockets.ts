import { io, type Socket } from 'socket.io-client';

const CONNECT_TIMEOUT_MS = 30_000;

/** One WebSocket connection of its own (no multiplexing), no reconnection: a failure stays a failure. */
export const openSocket = (url: string, auth: Record<string, string>): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = io(url, {
      auth,
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: CONNECT_TIMEOUT_MS,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });

/** Opens one socket per `auths` entry, `concurrency` handshakes at a time; rejects on the first failure. */
export const openSockets = async (url: string, auths: readonly Record<string, string>[], concurrency: number) => {
  const sockets: Socket[] = new Array(auths.length);
  let next = 0;
  const worker = async () => {
    while (next < auths.length) {
      const i = next++;
      sockets[i] = await openSocket(url, auths[i] as Record<string, string>);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, auths.length) }, worker));
  } catch (error) {
    for (const socket of sockets) socket?.close();
    throw error;
  }
  return sockets;
};
