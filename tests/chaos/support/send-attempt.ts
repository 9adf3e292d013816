import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../src/ports/realtime-events.js';
import { isTransient, restCall } from './rest-call.js';
import { ATTEMPT_TIMEOUT_MS, Refused } from './retrying.js';

export interface OutgoingMessage {
  readonly clientMessageId: string;
  readonly receiverId: string;
}

export interface SendRoutes {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  /** Base URLs of the app processes. */
  readonly urls: readonly string[];
  readonly token: string;
}

/**
 * One try of a send: over the socket when it is connected (every other
 * attempt), else over REST on each process in turn. Resolves with the stored
 * message as the server gave it; rejects with `Refused` when retrying cannot
 * help, with another error when it may.
 */
export const attemptSend = async (routes: SendRoutes, item: OutgoingMessage, attempt: number): Promise<unknown> => {
  const payload = {
    receiverId: item.receiverId,
    content: `m ${item.clientMessageId}`,
    clientMessageId: item.clientMessageId,
  };
  if (routes.socket.connected && attempt % 2 === 0) {
    const ack = await routes.socket.timeout(ATTEMPT_TIMEOUT_MS).emitWithAck('send_message', payload);
    if (ack?.ok) return ack.message;
    const code = String(ack?.error?.code);
    if (['SERVICE_UNAVAILABLE', 'INTERNAL', 'RATE_LIMITED'].includes(code)) throw new Error(code);
    throw new Refused(`socket ack ${JSON.stringify(ack)}`);
  }
  const url = routes.urls[Math.floor(attempt / 2) % routes.urls.length]!;
  const reply = await restCall(url, 'POST', '/api/messages/send', {
    token: routes.token,
    body: payload,
    timeoutMs: ATTEMPT_TIMEOUT_MS,
  });
  if (reply.status === 200 || reply.status === 201) return reply.body?.data?.message;
  if (isTransient(reply.status)) throw new Error(`status ${reply.status}`);
  throw new Refused(`POST /api/messages/send ${reply.status} ${JSON.stringify(reply.body)}`);
};
