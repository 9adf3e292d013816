import { BlockedUsers } from '../../../client/src/blocked-users.js';
import { ConversationStore } from '../../../client/src/conversation-store.js';
import type { ChatMessage, ClientEvents, ConversationState } from '../../../client/src/public-types.js';
import type { RestClient } from '../../../client/src/rest-client.js';
import { StateUpdates } from '../../../client/src/state-updates.js';
import { TypedEmitter } from '../../../client/src/typed-emitter.js';
import { GROUP, groupSummary } from './group-factory.js';
import type { RestCall } from './fake-group-session.js';
import { ME } from './message-factory.js';

/**
 * The store, its updates and the blocked users of ME wired as the live
 * session wires them, over a REST client that answers (and records) every
 * block and unblock and nothing else; the test group is known. `heard`:
 * what the application was told.
 */
export const fakeBlockSession = () => {
  const events = new TypedEmitter<ClientEvents>();
  const heard = {
    messages: [] as ChatMessage[],
    updates: [] as ChatMessage[],
    conversations: [] as ConversationState[],
  };
  events.on('message', (m) => heard.messages.push(m));
  events.on('message_updated', (m) => heard.updates.push(m));
  events.on('conversation', (c) => heard.conversations.push(c));
  const calls: RestCall[] = [];
  const rest = {
    call: async (method: string, path: string) => {
      const [, userId] = /^\/api\/users\/(\w+)\/block$/.exec(path) ?? [];
      if (!userId) throw new Error(`no reply for ${method} ${path}`);
      calls.push({ method, path, body: undefined });
      return { userId, blocked: method === 'POST' };
    },
  } as unknown as RestClient;
  const store: ConversationStore = new ConversationStore(ME, (senderId, inGroup) => blocked.hides(senderId, inGroup));
  const updates = new StateUpdates({
    store,
    rest,
    events,
    requestCatchUp: () => undefined,
    acknowledged: () => undefined,
    conversationChanged: () => undefined,
  });
  const blocked: BlockedUsers = new BlockedUsers({ rest, store, events, reveal: (m) => updates.reveal(m) });
  store.baselineLoaded = true;
  store.applySummary(groupSummary());
  const contents = (conversationId = GROUP) => store.visible(conversationId).map((m) => m.content);
  const clear = () => {
    heard.messages.length = 0;
    heard.updates.length = 0;
    heard.conversations.length = 0;
  };
  return { store, updates, blocked, heard, calls, contents, clear };
};
