import type { RouterMiddleware } from '@koa/router';
import * as E from 'fp-ts/lib/Either.js';
import type { UseCases } from '../../application/use-cases.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { sendAppError } from './envelope.js';
import type { HttpState, RouteContext } from './http-state.js';

const bearerToken = (header: string): string | undefined => /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];

export type AuthenticatedHandler = (ctx: RouteContext, caller: AccessClaims) => Promise<void>;

/**
 * Wraps the handler of a protected route: it runs only with a valid bearer
 * token, and gets the caller's claims (also left on `ctx.state.caller`).
 */
export const authenticatedWith =
  (useCases: Pick<UseCases, 'authenticate'>) =>
  (handler: AuthenticatedHandler): RouterMiddleware<HttpState> =>
  async (ctx) => {
    const claims = await useCases.authenticate.execute(bearerToken(ctx.get('Authorization')));
    if (E.isLeft(claims)) {
      ctx.set('WWW-Authenticate', 'Bearer');
      sendAppError(ctx, claims.left);
      return;
    }
    ctx.state.caller = claims.right;
    await handler(ctx, claims.right);
  };
