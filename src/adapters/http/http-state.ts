import type { RouterContext } from '@koa/router';
import type { ParameterizedContext } from 'koa';
import type { Logger } from '../../ports/logger.js';
import type { AccessClaims } from '../../ports/token-service.js';

/** What the middleware leaves on `ctx.state` for the rest of the request. */
export interface HttpState {
  requestId: string;
  /** A child logger carrying `requestId`. */
  logger: Logger;
  /** Set by the authentication middleware on protected routes. */
  caller?: AccessClaims;
}

export type HttpContext = ParameterizedContext<HttpState>;

/** The context a route handler sees (with `params`). */
export type RouteContext = RouterContext<HttpState>;
