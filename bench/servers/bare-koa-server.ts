import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import Koa from 'koa';
import { koaBody } from 'koa-body';
import { securityHeaders } from '../../src/adapters/http/security-headers.js';
import { emitEvent, measuredMemory, profilingCommands, serveCommands } from '../lib/child-side.js';

// The baseline: one Koa route that parses the JSON body and answers JSON. No auth, no validation, no storage.
// With BARE_KOA_HEADERS=app it also sends the app's helmet and CORS headers, configured as the app configures them.
const app = new Koa();
if (process.env.BARE_KOA_HEADERS === 'app') for (const middleware of securityHeaders('*')) app.use(middleware);
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
