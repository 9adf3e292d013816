import { ChatApiError } from './chat-api-error.js';
import type { AttemptOutcome } from './outbox-dispatcher.js';
import type { OutboxEntry } from './outbox.js';
import type { RestClient } from './rest-client.js';
import type { SendData, SendMessageRequest } from './rest-types.js';
import type { SocketTransport } from './socket-transport.js';

/** Socket refusals that may pass later; anything else (validation, not found, forbidden) is final. */
const TRANSIENT_ACK_CODES = new Set(['RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'INTERNAL', 'UNAUTHORIZED']);

export const sendPayloadOf = (entry: OutboxEntry): SendMessageRequest & { clientMessageId: string } => ({
  ...(entry.conversationId ? { conversationId: entry.conversationId } : { receiverId: entry.receiverId ?? '' }),
  content: entry.content,
  clientMessageId: entry.clientMessageId,
});

/**
 * One try to store an outbox entry: over the socket with an acknowledgement
 * when it is connected, else over REST. A timeout is no answer: the retry
 * carries the same clientMessageId, so a message stored meanwhile comes back
 * as the original instead of a second one.
 */
export const attemptSend = async (
  entry: OutboxEntry,
  deps: { readonly transport: SocketTransport; readonly rest: RestClient; readonly ackTimeoutMs: number },
): Promise<AttemptOutcome> => {
  const payload = sendPayloadOf(entry);
  const socket = deps.transport.live();
  if (socket) {
    try {
      const ack = await socket.timeout(deps.ackTimeoutMs).emitWithAck('send_message', payload);
      if (ack.ok) {
        return { kind: 'stored', stored: { message: ack.message, conversation: ack.conversation, cursor: ack.cursor } };
      }
      if (TRANSIENT_ACK_CODES.has(ack.error.code)) return { kind: 'retry', reason: `socket: ${ack.error.code}` };
      return { kind: 'refused', failure: { status: 0, code: ack.error.code, message: ack.error.message } };
    } catch (error) {
      return { kind: 'retry', reason: `socket: ${(error as Error).message}` };
    }
  }
  try {
    const stored = await deps.rest.call<SendData>('POST', '/api/messages/send', { body: payload });
    return { kind: 'stored', stored };
  } catch (error) {
    if (error instanceof ChatApiError && !error.transient && error.status !== 401) {
      return { kind: 'refused', failure: { status: error.status, code: error.code, message: error.message } };
    }
    return { kind: 'retry', reason: `rest: ${(error as Error).message}` };
  }
};
