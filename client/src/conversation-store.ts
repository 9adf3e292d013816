import { chatMessageOf, lastMessageOf, patchMessage, type MessagePatch } from './chat-message.js';
import { MessageLog, type PutResult } from './message-log.js';
import type { ChatMessage, ConversationState, ConversationView, MessageView } from './public-types.js';

/** Receipts kept for messages not seen yet (a receipt can overtake its message across processes). */
const MAX_EARLY_PATCHES = 1_000;

const later = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);

export interface PutOutcome extends PutResult {
  /** The conversation's state when the message changed it (last message, unread count). */
  readonly conversation: ConversationState | null;
}

/**
 * Every conversation the client knows, with its summary and its message log.
 * Pure state: the live session feeds it events and pages and emits what changed.
 */
export class ConversationStore {
  private readonly states = new Map<string, ConversationState>();
  private readonly logs = new Map<string, MessageLog>();
  private readonly earlyPatches = new Map<string, MessagePatch>();
  /**
   * Set once the conversation list has been read after login: conversations
   * known then keep their older history unloaded (floor = their last
   * position); any found later are new since, and are held from position 1.
   */
  baselineLoaded = false;

  /** `hides`: whether this user hides a sender's messages there (in a group, a user they block). */
  constructor(
    readonly myId: string,
    private readonly hides: (senderId: string, inGroup: boolean) => boolean = () => false,
  ) {}

  /** A message this user does not see: held, so positions stay gap-free, but never shown nor counted. */
  isHidden(message: MessageView): boolean {
    return this.hides(message.senderId, message.receiverId === null);
  }

  conversation(id: string): ConversationState | undefined {
    return this.states.get(id);
  }

  /** Newest activity first. */
  conversations(): ConversationState[] {
    return [...this.states.values()].sort((a, b) => Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt));
  }

  conversationIds(): string[] {
    return [...new Set([...this.states.keys(), ...this.logs.keys()])];
  }

  log(conversationId: string): MessageLog | undefined {
    return this.logs.get(conversationId);
  }

  /** Held messages by position, without the hidden ones. */
  visible(conversationId: string): readonly ChatMessage[] {
    const held = this.logs.get(conversationId)?.list() ?? [];
    return held.some((m) => this.isHidden(m)) ? held.filter((m) => !this.isHidden(m)) : held;
  }

  /** The direct conversation with `userId`, when known. */
  conversationWith(userId: string): ConversationState | undefined {
    for (const state of this.states.values()) {
      if (state.kind === 'group') continue;
      if (state.otherParticipant?.id === userId || state.participants.includes(userId)) return state;
    }
    return undefined;
  }

  /** The log of a conversation, made on first sight; `lastSeq` is its last position as far as known then. */
  ensureLog(conversationId: string, lastSeq: number): MessageLog {
    let log = this.logs.get(conversationId);
    if (!log) {
      log = new MessageLog(conversationId, (view) => chatMessageOf(view, this.myId), this.baselineLoaded ? 0 : lastSeq);
      this.logs.set(conversationId, log);
    }
    return log;
  }

  /** A summary as the server lists it; a newer local last message (an event that overtook the list) stays. */
  applySummary(summary: ConversationState): ConversationState {
    this.ensureLog(summary.id, summary.lastMessage?.seq ?? 0);
    const local = this.states.get(summary.id);
    const serverSeq = summary.lastMessage?.seq ?? 0;
    let state: ConversationState = { ...summary, participants: [...summary.participants] };
    if (local?.lastMessage && local.lastMessage.seq > serverSeq) {
      const newerUnread = (this.logs.get(summary.id)?.list() ?? []).filter(
        (m) => m.seq > serverSeq && this.countsAsUnread(m),
      ).length;
      state = {
        ...state,
        lastMessage: local.lastMessage,
        lastActivityAt: later(local.lastActivityAt, summary.lastActivityAt),
        unreadCount: summary.unreadCount + newerUnread,
      };
    }
    state = this.withVisibleLast(state);
    this.states.set(summary.id, state);
    return state;
  }

  /** Whom this user hides changed: the conversation's last message as they see it now. */
  reviewLast(conversationId: string): ConversationState | undefined {
    const state = this.states.get(conversationId);
    if (!state) return undefined;
    const next = this.withVisibleLast(state);
    this.states.set(conversationId, next);
    return next;
  }

  /** Adds a stored message (from an event or a page) and updates its conversation. */
  putMessage(view: MessageView, conversation?: ConversationView, reactionsCurrent = false): PutOutcome {
    const log = this.ensureLog(view.conversationId, view.seq - 1);
    let result = log.put(view, reactionsCurrent);
    const early = this.earlyPatches.get(view.id);
    if (early && result.change !== 'unchanged') {
      this.earlyPatches.delete(view.id);
      const patched = patchMessage(result.message, early);
      if (patched !== result.message) {
        log.replace(patched);
        result = { message: patched, change: result.change };
      }
    }
    let state = this.states.get(view.conversationId);
    const before = state;
    if (!state) {
      const { receiverId } = view;
      state = {
        id: view.conversationId,
        kind: receiverId === null ? 'group' : 'direct',
        // A group's members come with its conversation (here or from the server's details).
        participants: receiverId === null ? [view.senderId] : [view.senderId, receiverId].sort(),
        title: null,
        ownerId: null,
        lastMessage: null,
        lastActivityAt: view.createdAt,
        createdAt: view.createdAt,
        otherParticipant: null,
        unreadCount: 0,
        muted: false,
        mutedUntil: null,
      };
    }
    if (result.change === 'added' && view.seq > (state.lastMessage?.seq ?? 0) && !this.isHidden(view)) {
      state = {
        ...state,
        lastMessage: lastMessageOf(view),
        lastActivityAt: later(view.createdAt, state.lastActivityAt),
        unreadCount: state.unreadCount + (this.countsAsUnread(result.message) ? 1 : 0),
      };
    } else if (result.change === 'changed' && state.lastMessage?.id === view.id) {
      // An edit or deletion of the last message changes the preview; a receipt does not.
      const last = lastMessageOf(result.message);
      if (last.preview !== state.lastMessage.preview || last.isDeleted !== state.lastMessage.isDeleted) {
        state = { ...state, lastMessage: last };
      }
    }
    if (conversation) state = this.withView(state, conversation);
    if (state === before) return { ...result, conversation: null };
    this.states.set(state.id, state);
    return { ...result, conversation: state };
  }

  /** A receipt or deletion for a message; kept for later when the message is not held yet. */
  patch(conversationId: string, messageId: string, patch: MessagePatch): ChatMessage | null {
    const log = this.logs.get(conversationId);
    const held = log?.get(messageId);
    if (!log || !held) {
      this.earlyPatches.set(messageId, { ...this.earlyPatches.get(messageId), ...patch });
      if (this.earlyPatches.size > MAX_EARLY_PATCHES) {
        this.earlyPatches.delete(this.earlyPatches.keys().next().value as string);
      }
      return null;
    }
    const patched = patchMessage(held, patch);
    if (patched === held) return null;
    log.replace(patched);
    if (patch.isDeleted) {
      const state = this.states.get(conversationId);
      if (state && state.lastMessage?.id === messageId) {
        this.states.set(conversationId, { ...state, lastMessage: lastMessageOf(patched) });
      }
    }
    return patched;
  }

  /** The position up to which a mark-read asked now covers what this store holds. */
  lastSeqOf(conversationId: string): number {
    return this.logs.get(conversationId)?.list().at(-1)?.seq ?? Number.MAX_SAFE_INTEGER;
  }

  /**
   * The conversation was marked read up to `upToSeq` (the position held when
   * the request went out): those incoming messages read. A message that
   * arrived while the request was in flight stays unread, so the next
   * mark-read covers it on the server too.
   */
  markRead(
    conversationId: string,
    readAt: string,
    upToSeq = Number.MAX_SAFE_INTEGER,
  ): { messages: ChatMessage[]; conversation: ConversationState | null } {
    const log = this.logs.get(conversationId);
    const messages: ChatMessage[] = [];
    let stillUnread = 0;
    for (const message of log?.list() ?? []) {
      // Hidden ones are read too (the server's read position covers them), but neither shown nor counted.
      if (!this.countsAsUnread(message, true)) continue;
      const hidden = this.isHidden(message);
      if (message.seq > upToSeq) {
        if (!hidden) stillUnread += 1;
        continue;
      }
      const patched = patchMessage(message, { readAt });
      log!.replace(patched);
      if (!hidden) messages.push(patched);
    }
    const state = this.states.get(conversationId);
    if (!state || state.unreadCount === stillUnread) return { messages, conversation: null };
    const read = { ...state, unreadCount: stillUnread };
    this.states.set(conversationId, read);
    return { messages, conversation: read };
  }

  /** A user came online or went offline: the conversations with them, changed. */
  setPresence(userId: string, isOnline: boolean, lastSeen: string | null): ConversationState[] {
    const changed: ConversationState[] = [];
    for (const state of this.states.values()) {
      const other = state.otherParticipant;
      if (other?.id !== userId) continue;
      const next = { ...state, otherParticipant: { ...other, isOnline, lastSeen: lastSeen ?? other.lastSeen } };
      this.states.set(state.id, next);
      changed.push(next);
    }
    return changed;
  }

  /** Forgets a conversation and its messages (the user left the group); false when it was not known. */
  forget(conversationId: string): boolean {
    const known = this.states.delete(conversationId);
    return this.logs.delete(conversationId) || known;
  }

  /** A conversation as an event or the change feed shows it; its state when that changed it. */
  applyView(view: ConversationView): ConversationState | null {
    const state = this.states.get(view.id);
    if (!state) return null;
    const next = this.withView(state, view);
    if (next === state) return null;
    this.states.set(view.id, next);
    return next;
  }

  private countsAsUnread(message: ChatMessage, hiddenToo = false): boolean {
    return !message.mine && message.readAt === null && !message.isDeleted && (hiddenToo || !this.isHidden(message));
  }

  /** A hidden last message (the server's summary names it) gives way to the newest visible one held. */
  private withVisibleLast(state: ConversationState): ConversationState {
    const last = state.lastMessage;
    const newest = this.visible(state.id).at(-1);
    const hidden = last !== null && this.hides(last.senderId, state.kind === 'group');
    if (!hidden && (!newest || (last !== null && newest.seq <= last.seq))) return state;
    return { ...state, lastMessage: newest ? lastMessageOf(newest) : null };
  }

  private withView(state: ConversationState, view: ConversationView): ConversationState {
    const held = state.lastMessage;
    // A hidden message's activity is not this user's news: neither its preview nor its time.
    const hidden = view.lastMessage !== null && this.hides(view.lastMessage.senderId, view.kind === 'group');
    const newer =
      !hidden &&
      view.lastMessage !== null &&
      (held === null ||
        view.lastMessage.seq > held.seq ||
        (view.lastMessage.seq === held.seq && view.lastMessage.preview !== held.preview));
    const lastActivityAt = hidden ? state.lastActivityAt : later(view.lastActivityAt, state.lastActivityAt);
    const same =
      view.participants.join() === state.participants.join() &&
      view.kind === state.kind &&
      view.title === state.title &&
      view.ownerId === state.ownerId;
    if (!newer && lastActivityAt === state.lastActivityAt && same) return state;
    return {
      ...state,
      kind: view.kind,
      participants: [...view.participants],
      title: view.title,
      ownerId: view.ownerId,
      lastMessage: newer && view.lastMessage ? { ...view.lastMessage } : state.lastMessage,
      lastActivityAt,
      createdAt: view.createdAt,
    };
  }
}
