import * as E from 'fp-ts/lib/Either.js';
import { validation } from '../../domain/errors.js';
import { isId } from '../../domain/ids.js';
import type { RealtimeUseCases } from './realtime-use-cases.js';
import { conversationRoom } from './rooms.js';
import type { EventHandlers } from './socket-event-runner.js';
import type { SocketTyping } from './socket-typing.js';

/** A payload's own field, or undefined when the payload is no plain object; the use cases decode it. */
const field = (payload: unknown, name: string): unknown =>
  typeof payload === 'object' && payload !== null && !Array.isArray(payload) && Object.hasOwn(payload, name)
    ? (payload as Record<string, unknown>)[name]
    : undefined;

export interface ClientEventDeps {
  readonly useCases: RealtimeUseCases;
  readonly typing: SocketTyping;
}

/** The client events of authenticated sockets: one handler per event, shared by every socket. */
export const clientEventHandlers = ({ useCases, typing }: ClientEventDeps): EventHandlers => ({
  join_room: async (socket, payload) => {
    const allowed = await useCases.checkParticipation.execute(socket.data.claims, field(payload, 'conversationId'));
    if (E.isRight(allowed)) await socket.join(conversationRoom(allowed.right.conversationId));
    return allowed;
  },

  leave_room: async (socket, payload) => {
    const conversationId = field(payload, 'conversationId');
    if (!isId(conversationId)) {
      return E.left(
        validation('Validation failed', [{ field: 'conversationId', message: 'must be a 24-character hex id' }]),
      );
    }
    await socket.leave(conversationRoom(conversationId));
    return E.right({ conversationId });
  },

  send_message: async (socket, payload, { answered }) => {
    // The ack carries the stored message: a socket that gets it needs no `message_sent` as well.
    const sent = await useCases.sendMessage.execute(socket.data.claims, payload, answered ? socket.id : undefined);
    if (E.isLeft(sent)) return sent;
    const { message, conversation, cursor } = sent.right;
    // The message ends the sender's typing there, as the partner's screen shows.
    await typing.stop(socket, conversation.id);
    return E.right({ message, conversation, cursor });
  },

  typing_start: async (socket, payload) => {
    const conversationId = field(payload, 'conversationId');
    // Already checked and announced: a repeated start only extends the timer.
    if (typeof conversationId === 'string' && typing.isTyping(socket, conversationId)) {
      typing.keepTyping(socket, conversationId);
      return E.right({ conversationId });
    }
    // Announced by the user's first socket to type there; the others are only checked.
    const claimed = typeof conversationId === 'string' && isId(conversationId) ? conversationId : undefined;
    const first = claimed !== undefined && typing.claim(socket, claimed);
    const started = first
      ? await useCases.notifyTyping.execute(socket.data.claims, conversationId, true)
      : await useCases.checkParticipation.execute(socket.data.claims, conversationId);
    if (E.isLeft(started)) {
      if (claimed !== undefined) typing.unclaim(socket, claimed);
      return started;
    }
    if (socket.connected) typing.keepTyping(socket, started.right.conversationId);
    else await typing.release(socket, started.right.conversationId);
    return E.right({ conversationId: started.right.conversationId });
  },

  typing_stop: async (socket, payload) => {
    const allowed = await useCases.checkParticipation.execute(socket.data.claims, field(payload, 'conversationId'));
    if (E.isRight(allowed)) await typing.stop(socket, allowed.right.conversationId);
    return allowed;
  },

  message_read: (socket, payload) => useCases.markMessageRead.execute(socket.data.claims, field(payload, 'messageId')),
});
