import type { ChatClient, ChatMessage, ConversationState } from '../client/src/index.js';
import { byId, el, formatTime, show } from './dom.js';
import type { Presence } from './presence.js';
import type { Peer } from './sidebar.js';

/** An open conversation, or a person one has not written to yet (the first send creates the conversation). */
export interface Target {
  readonly conversationId: string | null;
  readonly peer: Peer;
}

type Status = ChatMessage['status'];

/** What each status shows next to an own message; `failed` is a send the server refused for good. */
const MARKS: Record<Status, { readonly mark: string; readonly title: string }> = {
  pending: { mark: '◷', title: 'sending' },
  sent: { mark: '✓', title: 'sent' },
  delivered: { mark: '✓✓', title: 'delivered' },
  read: { mark: '✓✓', title: 'read' },
  failed: { mark: '!', title: 'not sent' },
};

/** Within this distance of the bottom, new messages keep the list scrolled to the end. */
const STICKY_SCROLL_PX = 48;

/** Sets an attribute only when it changes, so observers see one mutation per real transition. */
const setAttr = (element: Element, name: string, value: string): void => {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
};

/** The open conversation: history, own message marks, the typing line and the composer. */
export class ChatPane {
  private target: Target | null = null;
  private readonly nodes = new Map<string, HTMLLIElement>();
  /** Own sends addressed to a person before the conversation existed: they carry no conversation id yet. */
  private readonly unplaced = new Map<string, ChatMessage>();
  private marking: Promise<unknown> | null = null;
  private markAgain = false;
  private readonly list = byId<HTMLOListElement>('messages');
  private readonly typingLine = byId('typing');
  private readonly input = byId<HTMLInputElement>('composer-input');

  constructor(
    private readonly client: ChatClient,
    private readonly presence: Presence,
    private readonly onTargetChange: (target: Target | null) => void,
  ) {
    byId<HTMLFormElement>('composer').addEventListener('submit', (event) => {
      event.preventDefault();
      this.send();
    });
    this.input.addEventListener('input', () => {
      const id = this.target?.conversationId;
      if (id && this.input.value.trim() !== '') this.client.typing(id);
    });
    document.addEventListener('visibilitychange', () => this.markReadIfSeen());
    this.list.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLElement>('button[data-action]');
      const key = button?.closest<HTMLElement>('li[data-key]')?.dataset.key;
      if (button && key) this.resolveFailed(key, button.dataset.action === 'retry');
    });
  }

  get current(): Target | null {
    return this.target;
  }

  async open(target: Target): Promise<void> {
    const previous = this.target;
    if (previous?.conversationId === target.conversationId && previous.peer.id === target.peer.id) return;
    if (previous?.conversationId && previous.conversationId !== target.conversationId) {
      this.client.closeConversation(previous.conversationId);
    }
    // A draft becoming its conversation keeps its nodes: the same messages, now with their ids.
    const upgrade = previous !== null && previous.conversationId === null && previous.peer.id === target.peer.id;
    if (!upgrade) this.clearMessages();
    this.target = target;
    this.showTyping(false);
    this.renderHeader();
    for (const id of ['pane-header', 'messages', 'composer']) show(byId(id), true);
    show(byId('pane-empty'), false);
    this.onTargetChange(target);
    this.render();
    if (!upgrade) this.input.focus();
    if (!target.conversationId) return;
    try {
      await this.client.openConversation(target.conversationId);
    } catch {
      // Offline: what is known shows now; the client catches up when it is back.
    }
    if (this.target?.conversationId !== target.conversationId) return;
    this.render();
    this.markReadIfSeen();
  }

  close(): void {
    if (this.target?.conversationId) this.client.closeConversation(this.target.conversationId);
    this.target = null;
    this.clearMessages();
    this.unplaced.clear();
    this.showTyping(false);
    for (const id of ['pane-header', 'messages', 'composer']) show(byId(id), false);
    show(byId('pane-empty'), true);
    this.onTargetChange(null);
  }

  /** A message seen for the first time, or a later state of one (sent, delivered, read, deleted). */
  onMessage(message: ChatMessage): void {
    if (message.mine && message.conversationId === '') this.unplaced.set(message.key, message);
    else this.unplaced.delete(message.key);
    if (!this.shows(message)) return;
    if (!message.mine) this.showTyping(false);
    this.render();
    if (!message.mine) this.markReadIfSeen();
  }

  /** A conversation appeared or changed: the first own send to a person made the draft's, or its details came. */
  onConversation(conversation: ConversationState): void {
    const target = this.target;
    const peer = conversation.otherParticipant;
    if (!target || !peer || peer.id !== target.peer.id) return;
    if (target.conversationId === null) {
      void this.open({ conversationId: conversation.id, peer: target.peer });
    } else if (target.conversationId === conversation.id && target.peer.username !== peer.username) {
      this.target = { conversationId: conversation.id, peer: { id: peer.id, username: peer.username } };
      this.renderHeader();
    }
  }

  onTyping(event: { conversationId: string; userId: string; isTyping: boolean }): void {
    if (event.conversationId !== this.target?.conversationId || event.userId === this.client.user?.id) return;
    this.showTyping(event.isTyping);
  }

  onConnection(state: ChatClient['connectionState']): void {
    // A stop sent while this client was away never arrives.
    if (state !== 'online') this.showTyping(false);
    else this.markReadIfSeen();
  }

  renderHeader(): void {
    if (!this.target) return;
    const { online, lastSeen } = this.presence.get(this.target.peer.id);
    byId('peer-name').textContent = this.target.peer.username;
    byId('peer-dot').className = online ? 'dot online' : 'dot';
    byId('peer-status').textContent = online ? 'online' : lastSeen ? `last seen ${formatTime(lastSeen)}` : 'offline';
  }

  render(): void {
    if (!this.target) return;
    const atBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < STICKY_SCROLL_PX;
    const messages = this.visibleMessages(this.target);
    const keep = new Set<string>();
    let previous: Element | null = null;
    for (const message of messages) {
      keep.add(message.key);
      let node = this.nodes.get(message.key);
      if (!node) {
        node = this.createNode(message);
        this.nodes.set(message.key, node);
      }
      this.updateNode(node, message);
      const expected: Element | null = previous ? previous.nextElementSibling : this.list.firstElementChild;
      if (expected !== node) this.list.insertBefore(node, expected);
      previous = node;
    }
    for (const [key, node] of this.nodes) {
      if (keep.has(key)) continue;
      node.remove();
      this.nodes.delete(key);
    }
    if (atBottom) this.list.scrollTop = this.list.scrollHeight;
  }

  private send(): void {
    const content = this.input.value.trim();
    if (!this.target || content === '') return;
    const { conversationId, peer } = this.target;
    const message = this.client.send(conversationId ? { conversationId } : { receiverId: peer.id }, content);
    this.input.value = '';
    this.onMessage(message);
    this.list.scrollTop = this.list.scrollHeight;
  }

  /** A send the server refused for good: try it again as it is, or drop it. */
  private resolveFailed(key: string, retry: boolean): void {
    if (retry) this.client.retry(key);
    else if (this.client.discard(key)) this.unplaced.delete(key);
    this.render();
  }

  private shows(message: ChatMessage): boolean {
    const target = this.target;
    if (!target) return false;
    if (target.conversationId !== null && message.conversationId === target.conversationId) return true;
    return message.conversationId === '' && message.mine && message.receiverId === target.peer.id;
  }

  private visibleMessages(target: Target): ChatMessage[] {
    const stored = target.conversationId ? this.client.messages(target.conversationId) : [];
    const listed = new Set(stored.map((m) => m.key));
    const waiting = [...this.unplaced.values()].filter((m) => m.receiverId === target.peer.id && !listed.has(m.key));
    return [...stored, ...waiting];
  }

  private createNode(message: ChatMessage): HTMLLIElement {
    const meta = el('span', { class: 'meta' }, el('time', {}));
    if (message.mine) {
      meta.append(
        el('span', { class: 'mark' }),
        el(
          'span',
          { class: 'actions' },
          el('span', { class: 'failure' }),
          el('button', { type: 'button', class: 'link', 'data-action': 'retry' }, 'Retry'),
          el('button', { type: 'button', class: 'link', 'data-action': 'discard' }, 'Discard'),
        ),
      );
    }
    return el(
      'li',
      { class: message.mine ? 'message mine' : 'message', 'data-key': message.key },
      el('span', { class: 'text' }),
      meta,
    );
  }

  private updateNode(node: HTMLLIElement, message: ChatMessage): void {
    const text = node.querySelector('.text')!;
    const content = message.isDeleted ? 'message deleted' : message.content;
    if (text.textContent !== content) text.textContent = content;
    node.classList.toggle('deleted', message.isDeleted);
    setAttr(node, 'data-status', message.status);
    const time = node.querySelector('time')!;
    if (message.createdAt) setAttr(time, 'datetime', message.createdAt);
    time.textContent = formatTime(message.createdAt);
    const mark = node.querySelector('.mark');
    if (mark) {
      const { mark: glyph, title } = MARKS[message.status];
      setAttr(mark, 'data-status', message.status);
      setAttr(mark, 'title', message.error ? `${title}: ${message.error.message}` : title);
      mark.textContent = glyph;
    }
    node.classList.toggle('failed', message.status === 'failed');
    const actions = node.querySelector<HTMLElement>('.actions');
    if (actions) {
      show(actions, message.status === 'failed');
      actions.querySelector('.failure')!.textContent = message.error
        ? `Not sent: ${message.error.message}`
        : 'Not sent';
    }
  }

  /** Marks the open conversation read while someone can see it; one request at a time, one more if asked meanwhile. */
  private markReadIfSeen(): void {
    const id = this.target?.conversationId;
    if (!id || document.visibilityState !== 'visible' || this.client.connectionState !== 'online') return;
    const conversation = this.client.conversations().find((c) => c.id === id);
    const unread =
      (conversation?.unreadCount ?? 0) > 0 ||
      this.client.messages(id).some((m) => !m.mine && m.readAt === null && !m.isDeleted);
    if (!unread) return;
    if (this.marking) {
      this.markAgain = true;
      return;
    }
    this.marking = this.client
      .markRead(id)
      .catch(() => undefined)
      .finally(() => {
        this.marking = null;
        if (this.markAgain) {
          this.markAgain = false;
          this.markReadIfSeen();
        }
      });
  }

  private showTyping(typing: boolean): void {
    this.typingLine.textContent = typing && this.target ? `${this.target.peer.username} is typing…` : '';
    show(this.typingLine, typing && this.target !== null);
  }

  private clearMessages(): void {
    this.nodes.clear();
    this.list.replaceChildren();
  }
}
