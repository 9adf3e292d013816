import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { emitEvent, measuredMemory, profilingCommands, serveCommands } from '../lib/child-side.js';

// The baseline: Socket.IO that only relays. No auth, no storage, no acknowledgement; the same server options as ours.
const httpServer = http.createServer((_req, res) => res.writeHead(404).end());
const io = new Server(httpServer, { perMessageDeflate: false, serveClient: false, maxHttpBufferSize: 64 * 1024 });

io.on('connection', (socket) => {
  const room = socket.handshake.auth?.room;
  if (typeof room === 'string') void socket.join(room);
  socket.on('relay', (payload: { to?: unknown; content?: unknown }) => {
    if (typeof payload?.to === 'string') io.to(payload.to).emit('message', { content: payload.content });
  });
});

await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
serveCommands({
  ...profilingCommands,
  memory: () => measuredMemory(),
  cpu: () => process.cpuUsage(),
  stop: () => new Promise<void>((resolve) => io.close(() => resolve())),
});
emitEvent('ready', { port: (httpServer.address() as AddressInfo).port });
