import Router from '@koa/router';
import type { UseCases } from '../../../application/use-cases.js';
import { authenticatedWith } from '../authenticated.js';
import { reply } from '../envelope.js';
import type { HttpState } from '../http-state.js';

export const authRoutes = (useCases: UseCases): Router<HttpState> => {
  const authenticated = authenticatedWith(useCases);
  return new Router<HttpState>()
    .post('/api/auth/register', async (ctx) => {
      reply(ctx, await useCases.registerUser.execute(ctx.request.body, ctx.ip), { status: 201, message: 'Registered' });
    })
    .post('/api/auth/login', async (ctx) => {
      reply(ctx, await useCases.logIn.execute(ctx.request.body, ctx.ip), { message: 'Logged in' });
    })
    .post('/api/auth/refresh', async (ctx) => {
      reply(ctx, await useCases.refreshSession.execute(ctx.request.body));
    })
    .post(
      '/api/auth/logout',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.logOut.execute(caller, ctx.request.body), { message: 'Logged out' });
      }),
    )
    .get(
      '/api/auth/me',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.getCurrentUser.execute(caller));
      }),
    );
};
