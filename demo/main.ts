import { ChatClient, localStorageStorage } from '../client/src/index.js';
import { AuthView, describeError } from './auth-view.js';
import { ChatPane } from './chat-pane.js';
import { ConnectionBanner } from './connection-banner.js';
import { byId, show } from './dom.js';
import { Presence } from './presence.js';
import { Sidebar } from './sidebar.js';
import { openTarget, windowId } from './window-storage.js';

// Same origin; the login and the outbox of unsent messages survive a reload.
const client = new ChatClient({ baseUrl: '', storage: localStorageStorage(`chat-demo:${windowId()}`) });
const presence = new Presence();
const banner = new ConnectionBanner(byId('offline-banner'));
let signedIn = false;

const pane = new ChatPane(client, presence, (target) => {
  sidebar.select(target ? { conversationId: target.conversationId, peerId: target.peer.id } : null);
  if (signedIn) openTarget.save(target);
});
/** The two-person conversation with this person, if there is one yet. */
const conversationWith = (peerId: string) =>
  client.conversations().find((c) => c.participants.length === 2 && c.participants.includes(peerId));

const sidebar = new Sidebar(client, presence, {
  openConversation: (c) => {
    // Until the client has fetched the other participant's details, the id alone will do.
    const peerId = c.otherParticipant?.id ?? c.participants.find((id) => id !== client.user?.id);
    if (peerId) void pane.open({ conversationId: c.id, peer: c.otherParticipant ?? { id: peerId, username: '…' } });
  },
  openUser: (peer) => void pane.open({ conversationId: conversationWith(peer.id)?.id ?? null, peer }),
});
const auth = new AuthView(client, () => void enterChat());

const updateTitle = (): void => {
  const unread = client.conversations().reduce((sum, c) => sum + c.unreadCount, 0);
  document.title = unread > 0 ? `(${unread}) Chat demo` : 'Chat demo';
};

const showConnection = (state: ChatClient['connectionState']): void => {
  byId('me-dot').className = state === 'online' ? 'dot online' : 'dot';
  banner.update(state);
};

async function enterChat(): Promise<void> {
  const user = client.user;
  if (!user) return;
  signedIn = true;
  byId('me-name').textContent = user.username;
  show(byId('chat-view'), true);
  banner.start(client.connectionState);
  showConnection(client.connectionState);
  sidebar.start();
  try {
    await client.loadConversations();
  } catch {
    // Offline: the list fills in when the client catches up.
  }
  sidebar.render();
  updateTitle();
  const stored = openTarget.load();
  if (stored && !pane.current) {
    void pane.open({
      conversationId: conversationWith(stored.peer.id)?.id ?? stored.conversationId,
      peer: stored.peer,
    });
  }
}

function leaveChat(notice?: string): void {
  signedIn = false;
  pane.close();
  openTarget.save(null);
  sidebar.stop();
  presence.clear();
  banner.stop();
  show(byId('chat-view'), false);
  document.title = 'Chat demo';
  auth.open(notice);
}

client.on('message', (m) => pane.onMessage(m));
client.on('message_updated', (m) => pane.onMessage(m));
client.on('conversation', (c) => {
  const peer = c.otherParticipant;
  if (peer) presence.seed(peer.id, { online: peer.isOnline, lastSeen: peer.lastSeen });
  sidebar.render();
  pane.onConversation(c);
  updateTitle();
});
client.on('typing', (event) => pane.onTyping(event));
client.on('presence', ({ userId, online, lastSeen }) => presence.set(userId, { online, lastSeen }));
client.on('connection', (state) => {
  showConnection(state);
  pane.onConnection(state);
});
client.on('recovered', () => {
  sidebar.render();
  pane.render();
  updateTitle();
});
client.on('session_ended', ({ reason }) => leaveChat(`You were signed out (${String(reason)}).`));
presence.onChange(() => {
  sidebar.render();
  pane.renderHeader();
});

byId('logout').addEventListener('click', () => {
  void client
    .logout()
    .catch(() => undefined)
    .then(() => leaveChat());
});

try {
  if (await client.resume()) await enterChat();
  else auth.open();
} catch (error) {
  // The stored login stays: a reload once the server answers picks it up.
  auth.open(`The server did not answer (${describeError(error)}): reload to try again, or log in.`);
}
