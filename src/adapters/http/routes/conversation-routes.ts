import Router from '@koa/router';
import * as E from 'fp-ts/lib/Either.js';
import type { CreatedConversation } from '../../../application/groups/create-conversation.js';
import { SELF } from '../../../application/groups/remove-group-member.js';
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
    .post(
      '/api/conversations',
      authenticated(async (ctx, caller) => {
        const result = await useCases.createConversation.execute(caller, ctx.request.body);
        const created = E.isRight(result) && result.right.created;
        reply(
          ctx,
          E.map(({ conversation }: CreatedConversation) => ({ conversation }))(result),
          created ? { status: 201, message: 'Group created' } : {},
        );
      }),
    )
    .put(
      '/api/conversations/:conversationId',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.renameGroup.execute(caller, ctx.params.conversationId, ctx.request.body), {
          message: 'Group renamed',
        });
      }),
    )
    .post(
      '/api/conversations/:conversationId/members',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.addGroupMembers.execute(caller, ctx.params.conversationId, ctx.request.body));
      }),
    )
    .delete(
      '/api/conversations/:conversationId/members/:userId',
      authenticated(async (ctx, caller) => {
        const { conversationId, userId } = ctx.params;
        reply(ctx, await useCases.removeGroupMember.execute(caller, conversationId, userId), {
          message: userId === SELF ? 'You left the group' : 'Member removed',
        });
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
