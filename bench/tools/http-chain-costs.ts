import http from 'node:http';
import net from 'node:net';
import Router from '@koa/router';
import * as E from 'fp-ts/lib/Either.js';
import Koa from 'koa';
import { koaBody } from 'koa-body';
import compose from 'koa-compose';
import { createHttpApp } from '../../src/adapters/http/create-http-app.js';
import { securityHeaders } from '../../src/adapters/http/security-headers.js';
import { createWinstonLogger, type LogLevel } from '../../src/adapters/logging/winston-logger.js';
import { createInMemoryRateLimiterFactory } from '../../src/adapters/memory/in-memory-rate-limiter.js';
import { PrometheusMetrics } from '../../src/adapters/metrics/prometheus-metrics.js';
import { DEFAULT_MAX_PAYLOAD_BYTES } from '../../src/adapters/realtime/create-socket-server.js';
import type { UseCases } from '../../src/application/use-cases.js';
import { decodeConfig } from '../../src/bootstrap/config.js';
import { realtimeLimitsOf } from '../../src/bootstrap/realtime-limits.js';
import { BENCH_APP_ENV } from '../lib/targets.js';

/**
 * CPU per request of the app's HTTP middleware chain, in process and without
 * sockets, next to the bare Koa route with the app's helmet and CORS, and what
 * each middleware adds (the chain with it left out). The use cases answer at
 * once, so this is the HTTP adapter alone. Runs interleaved, best of each.
 *
 *   LOG_LEVEL=warn npx tsx bench/tools/http-chain-costs.ts [rounds] > /dev/null   (the table is on stderr)
 */
const rounds = Number(process.argv[2] ?? 20);
const level = (process.env.LOG_LEVEL ?? 'warn') as LogLevel;
const config = decodeConfig({ ...BENCH_APP_ENV, LOG_LEVEL: level });
if (E.isLeft(config)) throw new Error(config.left.join('; '));

const now = new Date();
const sent = {
  message: {
    ...{ id: '6b09461098b411ccc6df00d6', conversationId: '6b09460f98b411ccc6de9375', seq: 2, reactions: [] },
    ...{ senderId: '6b09460d98b411ccc6de92fd', receiverId: '6b09460d98b411ccc6de92fe', messageType: 'text' },
    ...{ content: 'hello from the benchmark 0', clientMessageId: null, isDeleted: false, createdAt: now },
    ...{ deliveredAt: null, readAt: null, deletedAt: null, editedAt: null },
  },
  conversation: { id: '6b09460f98b411ccc6de9375', participants: ['a', 'b'], lastActivityAt: now, createdAt: now },
  created: true,
  cursor: '6b09460f98b411ccc6de9375:3',
};
const useCases = {
  authenticate: { execute: async () => E.right({ userId: '6b09460d98b411ccc6de92fd', sessionId: 's' }) },
  sendMessage: { execute: async () => E.right(sent) },
} as unknown as UseCases;

const app = createHttpApp({
  useCases,
  logger: createWinstonLogger({ level, format: 'json' }),
  health: [],
  metrics: new PrometheusMetrics({ defaultMetrics: false }),
  rateLimiters: createInMemoryRateLimiterFactory(),
  options: {
    corsOrigins: '*',
    bodyLimitBytes: config.right.BODY_LIMIT_BYTES,
    trustProxy: false,
    apiRateLimit: { points: 1e9, durationSeconds: 60 },
    isShuttingDown: () => false,
    realtimeLimits: realtimeLimitsOf(config.right, DEFAULT_MAX_PAYLOAD_BYTES),
  },
});
// createHttpApp's order; the last two are the router and the 404 answer, which every request needs.
const OURS = [
  'request id, log line, metrics',
  'error envelope',
  'helmet',
  'CORS',
  'rate limit',
  'JSON check',
  'koa-body',
];
if (app.middleware.length !== OURS.length + 2) throw new Error('createHttpApp changed: update OURS in this tool');

const bare = new Koa();
for (const middleware of securityHeaders('*')) bare.use(middleware);
bare.use(koaBody({ json: true, multipart: false, urlencoded: false, text: false }));
const route = (ctx: Koa.Context) => {
  ctx.status = 201;
  ctx.body = { success: true, data: { message: { content: (ctx.request.body as { content?: unknown })?.content } } };
};
bare.use(new Router().post('/api/messages/send', route).routes());
const BARE = ['helmet', 'CORS', 'koa-body'];

type Chain = (ctx: Koa.Context) => Promise<unknown>;
const without = (koa: Koa, index: number): Chain =>
  compose((koa.middleware as Koa.Middleware[]).filter((_, i) => i !== index)) as Chain;
const variants: Array<{ name: string; of: 'ours' | 'bare'; koa: Koa; chain: Chain; leftOut?: string }> = [
  { name: 'ours', of: 'ours', koa: app as unknown as Koa, chain: compose(app.middleware) as unknown as Chain },
  { name: 'bare Koa + helmet + CORS', of: 'bare', koa: bare, chain: compose(bare.middleware) as Chain },
  ...OURS.map((leftOut, i) => ({
    name: `ours`,
    of: 'ours' as const,
    koa: app as unknown as Koa,
    leftOut,
    chain: without(app as unknown as Koa, i),
  })),
  ...BARE.map((leftOut, i) => ({ name: 'bare', of: 'bare' as const, koa: bare, leftOut, chain: without(bare, i) })),
];

const body = JSON.stringify({ receiverId: '6b09460d98b411ccc6de92fe', content: 'hello from the benchmark 0' });
const socket = new net.Socket();
const context = (koa: Koa): Koa.Context => {
  const req = new http.IncomingMessage(socket);
  req.method = 'POST';
  req.url = '/api/messages/send';
  req.headers = {
    host: '127.0.0.1',
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    authorization: 'Bearer header.payload.signature',
  };
  req.push(body);
  req.push(null);
  return koa.createContext(req, new http.ServerResponse(req)) as Koa.Context;
};

const PER_ROUND = 4_000;
const best = variants.map(() => Infinity);
for (let round = 0; round < rounds; round += 1) {
  const order = variants.map((_, i) => i);
  if (round % 2 === 1) order.reverse();
  for (const i of order) {
    const { koa, chain, leftOut } = variants[i]!;
    const before = process.cpuUsage();
    for (let n = 0; n < PER_ROUND; n += 1) {
      const ctx = context(koa);
      await chain(ctx);
      if (!leftOut && ctx.status !== 201) throw new Error(`${variants[i]!.name}: status ${ctx.status}`);
    }
    const used = process.cpuUsage(before);
    best[i] = Math.min(best[i]!, (used.user + used.system) / PER_ROUND);
  }
}

const whole = { ours: best[0]!, bare: best[1]! };
const say = (line: string) => process.stderr.write(`${line}\n`);
say(`HTTP chain, CPU per request (best of ${rounds} rounds), log level ${level}:`);
say(`  ours ${whole.ours.toFixed(1)} µs, bare Koa + helmet + CORS ${whole.bare.toFixed(1)} µs`);
for (const [i, { of, leftOut }] of variants.entries()) {
  if (!leftOut) continue;
  say(`  ${of.padEnd(4)} ${leftOut.padEnd(30)} ${(whole[of] - best[i]!).toFixed(1).padStart(5)} µs`);
}
process.exit(0);
