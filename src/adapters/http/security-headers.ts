import cors from '@koa/cors';
import type Koa from 'koa';
import helmet from 'koa-helmet';

const corsOrigin = (origins: '*' | string[]) =>
  origins === '*' ? '*' : (ctx: Koa.Context): string => (origins.includes(ctx.get('Origin')) ? ctx.get('Origin') : '');

/**
 * Helmet's headers and CORS, as every response carries them. The benchmark's
 * second REST baseline mounts the same two, so its ratio measures only the rest.
 */
export const securityHeaders = (corsOrigins: '*' | string[]): Koa.Middleware[] => [
  helmet({
    contentSecurityPolicy: {
      // Swagger UI is served from this origin; plain-HTTP deployments must not have asset URLs rewritten.
      directives: { upgradeInsecureRequests: null },
    },
  }),
  cors({
    origin: corsOrigin(corsOrigins),
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  }),
];
