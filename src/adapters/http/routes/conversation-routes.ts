import Router from '@koa/router';
import type { UseCases } from '../../../application/use-cases.js';
import { authenticatedWith } from '../authenticated.js';
import { reply } from '../envelope.js';
import type { HttpState } from '../http-state.js';

export const conversationRoutes = (useCases: UseCases): Router<HttpState> => {
  const authenticated = authenticatedWith(useCases);
  return new Router<HttpState>()
    .get(
      '/api/conversations',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.listConversations.execute(caller, ctx.query));
      }),
    )
    .get(
      '/api/conversations/:conversationId',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.getConversation.execute(caller, ctx.params.conversationId));
      }),
    )
    .get(
      '/api/conversations/:conversationId/messages',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.getConversationHistory.execute(caller, ctx.params.conversationId, ctx.query));
      }),
    )
    .put(
      '/api/conversations/:conversationId/mute',
      authenticated(async (ctx, caller) => {
        const muted = await useCases.muteConversation.mute(caller, ctx.params.conversationId, ctx.request.body);
        reply(ctx, muted, { message: 'Conversation muted' });
      }),
    )
    .delete(
      '/api/conversations/:conversationId/mute',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.muteConversation.unmute(caller, ctx.params.conversationId), {
          message: 'Conversation unmuted',
        });
      }),
    )
    .put(
      '/api/conversations/:conversationId/mark-read',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.markConversationRead.execute(caller, ctx.params.conversationId));
      }),
    );
};
