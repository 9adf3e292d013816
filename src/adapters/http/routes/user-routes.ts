import Router from '@koa/router';
import type { UseCases } from '../../../application/use-cases.js';
import { authenticatedWith } from '../authenticated.js';
import { reply } from '../envelope.js';
import type { HttpState } from '../http-state.js';

export const userRoutes = (useCases: UseCases): Router<HttpState> => {
  const authenticated = authenticatedWith(useCases);
  return new Router<HttpState>()
    .get(
      '/api/user/list',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.listUsers.execute(caller, ctx.query));
      }),
    )
    .get(
      '/api/user/online-stats',
      authenticated(async (ctx) => {
        reply(ctx, await useCases.getOnlineStats.execute());
      }),
    )
    .post(
      '/api/users/:userId/block',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.blockUser.block(caller, ctx.params.userId), { message: 'User blocked' });
      }),
    )
    .delete(
      '/api/users/:userId/block',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.blockUser.unblock(caller, ctx.params.userId), { message: 'User unblocked' });
      }),
    )
    .put(
      '/api/user/profile',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.updateProfile.execute(caller, ctx.request.body), { message: 'Profile updated' });
      }),
    );
};
