import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import Koa from 'koa';
import { koaBody } from 'koa-body';
import { emitEvent, measuredMemory, profilingCommands, serveCommands } from '../lib/child-side.js';

// The baseline: one Koa route that parses the JSON body and answers JSON. No auth, no validation, no storage.
const app = new Koa();
app.use(koaBody({ json: true, multipart: false, urlencoded: false, text: false }));
app.use(
  new Router()
    .post('/api/messages/send', (ctx) => {
      const body = ctx.request.body as { content?: unknown };
      ctx.status = 201;
      ctx.body = { success: true, data: { message: { content: body.content } } };
    })
    .routes(),
);

const server = http.createServer(app.callback());
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
serveCommands({
  ...profilingCommands,
  memory: () => measuredMemory(),
  cpu: () => process.cpuUsage(),
  stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
});
emitEvent('ready', { port: (server.address() as AddressInfo).port });
