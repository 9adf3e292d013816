import Router from '@koa/router';
import type { UseCases } from '../../../application/use-cases.js';
import { authenticatedWith } from '../authenticated.js';
import { reply } from '../envelope.js';
import type { HttpState } from '../http-state.js';

export const syncRoutes = (useCases: UseCases): Router<HttpState> => {
  const authenticated = authenticatedWith(useCases);
  return new Router<HttpState>().get(
    '/api/sync',
    authenticated(async (ctx, caller) => {
      reply(ctx, await useCases.syncChanges.execute(caller, ctx.query));
    }),
  );
};
