import net from 'node:net';

export interface RawResponse {
  readonly status: number;
  readonly headers: string;
  readonly body: string;
}

/**
 * A GET whose headers reach the server before `action` runs and end after
 * it: the request is in flight (not an idle connection a closing server
 * drops) when `action` starts, e.g. a shutdown.
 */
export const getAcross = async (url: string, path: string, action: () => void): Promise<RawResponse> => {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    socket.once('end', resolve);
    socket.once('error', reject);
  });
  socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n`);
  await new Promise((resolve) => setTimeout(resolve, 100));
  action();
  socket.write('Connection: close\r\n\r\n');
  await ended;
  const raw = Buffer.concat(chunks).toString('utf8');
  const [head = '', body = ''] = raw.split('\r\n\r\n', 2);
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? NaN);
  return { status, headers: head, body };
};
