import type { ChatClient, ConversationState } from '../client/src/index.js';
import { byId, el, show } from './dom.js';
import type { Presence } from './presence.js';

export interface Peer {
  readonly id: string;
  readonly username: string;
}

export interface SidebarHandlers {
  openConversation(conversation: ConversationState): void;
  openUser(peer: Peer): void;
}

type UserListItem = Awaited<ReturnType<ChatClient['listUsers']>>['users'][number];

/** New users and presence of people one has no conversation with are not pushed: the list is fetched again this often. */
const USER_LIST_REFRESH_MS = 15_000;
const SEARCH_DEBOUNCE_MS = 250;

const dot = (online: boolean): HTMLElement =>
  el('span', { class: online ? 'dot online' : 'dot', title: online ? 'online' : 'offline' });

/** Conversations (newest first, with unread badges) and people (with online dots). */
export class Sidebar {
  private users: UserListItem[] = [];
  private selected: { conversationId: string | null; peerId: string } | null = null;
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private usersRequest = 0;
  private readonly search = byId<HTMLInputElement>('user-search');

  constructor(
    private readonly client: ChatClient,
    private readonly presence: Presence,
    private readonly handlers: SidebarHandlers,
  ) {
    this.search.addEventListener('input', () => {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => void this.refreshUsers(), SEARCH_DEBOUNCE_MS);
    });
  }

  start(): void {
    this.stop();
    void this.refreshUsers();
    this.refreshTimer = setInterval(() => {
      if (this.client.connectionState === 'online') void this.refreshUsers();
    }, USER_LIST_REFRESH_MS);
  }

  stop(): void {
    clearInterval(this.refreshTimer);
    clearTimeout(this.searchTimer);
    this.users = [];
    this.search.value = '';
    this.render();
  }

  select(selection: { conversationId: string | null; peerId: string } | null): void {
    this.selected = selection;
    this.render();
  }

  async refreshUsers(): Promise<void> {
    const request = ++this.usersRequest;
    const search = this.search.value.trim();
    try {
      const { users } = await this.client.listUsers({ limit: 50, ...(search ? { search } : {}) });
      // A slower answer to an older search must not replace a newer one.
      if (request !== this.usersRequest) return;
      this.users = users.filter((u) => u.id !== this.client.user?.id);
      for (const u of this.users) this.presence.set(u.id, { online: u.isOnline, lastSeen: u.lastSeen });
      this.render();
    } catch {
      // Offline or signed out: the next refresh or search tries again.
    }
  }

  render(): void {
    this.renderConversations();
    this.renderUsers();
  }

  private renderConversations(): void {
    const me = this.client.user?.id;
    const conversations = me ? this.client.conversations() : [];
    const items = conversations.map((c) => {
      const peer = c.otherParticipant;
      const name = peer?.username ?? 'conversation';
      const last = c.lastMessage;
      const preview = last
        ? `${last.senderId === me ? 'You: ' : ''}${last.isDeleted ? 'message deleted' : last.preview}`
        : '';
      const button = el(
        'button',
        {
          type: 'button',
          'data-conversation-id': c.id,
          'data-peer': name,
          'aria-current': String(this.selected?.conversationId === c.id),
        },
        dot(peer ? this.presence.get(peer.id).online : false),
        el('span', { class: 'name' }, name, el('span', { class: 'preview' }, preview)),
        c.unreadCount > 0 &&
          el('span', { class: 'badge', 'aria-label': `${c.unreadCount} unread` }, String(c.unreadCount)),
      );
      button.addEventListener('click', () => this.handlers.openConversation(c));
      return el('li', {}, button);
    });
    byId('conversations').replaceChildren(...items);
    show(byId('no-conversations'), items.length === 0);
  }

  private renderUsers(): void {
    const items = this.users.map((u) => {
      const button = el(
        'button',
        { type: 'button', 'data-user': u.username, 'aria-current': String(this.selected?.peerId === u.id) },
        dot(this.presence.get(u.id).online),
        el('span', { class: 'name' }, u.username),
      );
      button.addEventListener('click', () => this.handlers.openUser({ id: u.id, username: u.username }));
      return el('li', {}, button);
    });
    byId('users').replaceChildren(...items);
  }
}
