import * as E from 'fp-ts/lib/Either.js';
import { validation } from '../../domain/errors.js';
import { isId } from '../../domain/ids.js';
import type { ChatSocket } from './chat-server.js';
import type { RealtimeUseCases } from './realtime-use-cases.js';
import { conversationRoom } from './rooms.js';
import type { SocketEventRunner } from './socket-event-runner.js';
import type { TypingTimers } from './typing-timers.js';

/** A payload's own field, or undefined when the payload is no plain object; the use cases decode it. */
const field = (payload: unknown, name: string): unknown =>
  typeof payload === 'object' && payload !== null && !Array.isArray(payload) && Object.hasOwn(payload, name)
    ? (payload as Record<string, unknown>)[name]
    : undefined;

export interface ChatEventDeps {
  readonly useCases: RealtimeUseCases;
  readonly typing: TypingTimers;
  /** Marks the socket typing there among its user's sockets; true when it is the first (so typing is announced). */
  readonly claimTyping: (conversationId: string) => boolean;
  /** Unmarks it without announcing anything (a start that was refused). */
  readonly unclaimTyping: (conversationId: string) => void;
  /** Unmarks it, and tells the partner typing stopped when it was the user's last socket typing there. */
  readonly stopTyping: (conversationId: string) => Promise<void>;
}

/** The client events of one authenticated socket. */
export const registerChatEvents = (socket: ChatSocket, runner: SocketEventRunner, deps: ChatEventDeps): void => {
  const { useCases, typing, claimTyping, unclaimTyping, stopTyping } = deps;
  const claims = socket.data.claims;

  runner.on('join_room', async (payload) => {
    const allowed = await useCases.checkParticipation.execute(claims, field(payload, 'conversationId'));
    if (E.isRight(allowed)) await socket.join(conversationRoom(allowed.right.conversationId));
    return allowed;
  });

  runner.on('leave_room', async (payload) => {
    const conversationId = field(payload, 'conversationId');
    if (!isId(conversationId)) {
      return E.left(
        validation('Validation failed', [{ field: 'conversationId', message: 'must be a 24-character hex id' }]),
      );
    }
    await socket.leave(conversationRoom(conversationId));
    return E.right({ conversationId });
  });

  runner.on('send_message', async (payload, { answered }) => {
    // The ack carries the stored message: a socket that gets it needs no `message_sent` as well.
    const sent = await useCases.sendMessage.execute(claims, payload, answered ? socket.id : undefined);
    if (E.isLeft(sent)) return sent;
    const { message, conversation, cursor } = sent.right;
    // The message ends the sender's typing there, as the partner's screen shows.
    if (typing.stop(conversation.id)) await stopTyping(conversation.id);
    return E.right({ message, conversation, cursor });
  });

  runner.on('typing_start', async (payload) => {
    const conversationId = field(payload, 'conversationId');
    // Already checked and announced: a repeated start only extends the timer.
    if (typeof conversationId === 'string' && typing.isTyping(conversationId)) {
      typing.start(conversationId);
      return E.right({ conversationId });
    }
    // Announced by the user's first socket to type there; the others are only checked.
    const claimed = typeof conversationId === 'string' && isId(conversationId) ? conversationId : undefined;
    const first = claimed !== undefined && claimTyping(claimed);
    const started = first
      ? await useCases.notifyTyping.execute(claims, conversationId, true)
      : await useCases.checkParticipation.execute(claims, conversationId);
    if (E.isLeft(started)) {
      if (claimed !== undefined) unclaimTyping(claimed);
      return started;
    }
    if (socket.connected) typing.start(started.right.conversationId);
    else await stopTyping(started.right.conversationId);
    return E.right({ conversationId: started.right.conversationId });
  });

  runner.on('typing_stop', async (payload) => {
    const conversationId = field(payload, 'conversationId');
    const allowed = await useCases.checkParticipation.execute(claims, conversationId);
    if (E.isRight(allowed) && typing.stop(allowed.right.conversationId)) await stopTyping(allowed.right.conversationId);
    return allowed;
  });

  runner.on('message_read', (payload) => useCases.markMessageRead.execute(claims, field(payload, 'messageId')));
};
