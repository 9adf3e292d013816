import { ConversationStore } from '../../../client/src/conversation-store.js';
import { GroupConversations } from '../../../client/src/group-conversations.js';
import type { ChatMessage, ClientEvents, ConversationState } from '../../../client/src/public-types.js';
import type { CallOptions, RestClient } from '../../../client/src/rest-client.js';
import type { ChatSocket } from '../../../client/src/socket-transport.js';
import { TypedEmitter } from '../../../client/src/typed-emitter.js';
import type { ServerEventName, ServerEventPayload } from '../../../src/ports/realtime-events.js';
import { ME } from './message-factory.js';

/** A socket the test plays the server of: `deliver` calls the handler the client bound. */
export class FakeSocket {
  private readonly handlers = new Map<string, (payload: never) => void>();

  on(event: string, handler: (payload: never) => void): this {
    this.handlers.set(event, handler);
    return this;
  }

  deliver<E extends ServerEventName>(event: E, payload: ServerEventPayload<E>): void {
    const handler = this.handlers.get(event) as ((payload: ServerEventPayload<E>) => void) | undefined;
    if (!handler) throw new Error(`nothing bound to ${event}`);
    handler(payload);
  }
}

export interface RestCall {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** GroupConversations on a store of ME, a fake socket and a REST client answering `replies` (by `METHOD path`). */
export const fakeGroupSession = (replies: Readonly<Record<string, unknown>> = {}) => {
  const store = new ConversationStore(ME);
  store.baselineLoaded = true;
  const events = new TypedEmitter<ClientEvents>();
  const seen = {
    conversations: [] as ConversationState[],
    left: [] as string[],
    shown: [] as ChatMessage[],
    cursors: [] as string[],
    detailsAsked: [] as string[],
    roomsLeft: [] as string[],
  };
  events.on('conversation', (conversation) => seen.conversations.push(conversation));
  events.on('conversation_left', ({ conversationId }) => seen.left.push(conversationId));
  const calls: RestCall[] = [];
  const rest = {
    call: async (method: string, path: string, options: CallOptions = {}) => {
      calls.push({ method, path, body: options.body });
      const reply = replies[`${method} ${path}`];
      if (reply === undefined) throw new Error(`no reply for ${method} ${path}`);
      return reply;
    },
  } as unknown as RestClient;
  const groups = new GroupConversations({
    rest,
    store,
    events,
    advance: (cursor) => seen.cursors.push(cursor),
    show: (message) => seen.shown.push(message),
    fetchDetails: (conversationId) => seen.detailsAsked.push(conversationId),
    onLeft: (conversationId) => seen.roomsLeft.push(conversationId),
  });
  const socket = new FakeSocket();
  groups.bind(socket as unknown as ChatSocket);
  return { store, groups, socket, seen, calls };
};
