import Router from '@koa/router';
import * as E from 'fp-ts/lib/Either.js';
import type { UseCases } from '../../../application/use-cases.js';
import { authenticatedWith } from '../authenticated.js';
import { reply, sendAppError, sendSuccess } from '../envelope.js';
import type { HttpState } from '../http-state.js';

export const messageRoutes = (useCases: UseCases): Router<HttpState> => {
  const authenticated = authenticatedWith(useCases);
  return new Router<HttpState>()
    .post(
      '/api/messages/send',
      authenticated(async (ctx, caller) => {
        const sent = await useCases.sendMessage.execute(caller, ctx.request.body);
        if (E.isLeft(sent)) return sendAppError(ctx, sent.left);
        const { message, conversation, created, cursor } = sent.right;
        // 200 with the original message when clientMessageId matched an earlier send.
        const status = created ? 201 : 200;
        sendSuccess(ctx, { message, conversation, cursor }, status, created ? 'Message sent' : 'Already sent');
      }),
    )
    .put(
      '/api/messages/:messageId/read',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.markMessageRead.execute(caller, ctx.params.messageId));
      }),
    )
    .get(
      '/api/messages/unread-count',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.getUnreadCount.execute(caller));
      }),
    )
    .put(
      '/api/messages/:messageId',
      authenticated(async (ctx, caller) => {
        const edited = await useCases.editMessage.execute(caller, ctx.params.messageId, ctx.request.body);
        reply(ctx, edited, { message: 'Message edited' });
      }),
    )
    .delete(
      '/api/messages/:messageId',
      authenticated(async (ctx, caller) => {
        reply(ctx, await useCases.deleteMessage.execute(caller, ctx.params.messageId), { message: 'Message deleted' });
      }),
    );
};
