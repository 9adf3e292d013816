import { describe, expect, it } from 'vitest';
import { ConversationStore } from '../../client/src/conversation-store.js';
import { CONVERSATION, ME, PEER, storedMessage, summary } from './support/message-factory.js';

describe('the conversation store', () => {
  it('holds conversations listed at login from their last position, and later ones from the start', () => {
    const store = new ConversationStore(ME);
    store.applySummary(summary(40));
    store.baselineLoaded = true;
    expect(store.log(CONVERSATION)?.contiguous).toBe(40);
    store.putMessage({ ...storedMessage(3), conversationId: 'd'.repeat(24) });
    const later = store.log('d'.repeat(24))!;
    expect(later.floor).toBe(0);
    expect(later.hasHole).toBe(true);
  });

  it('counts a new incoming message as unread once, and an own one not at all', () => {
    const store = new ConversationStore(ME);
    store.applySummary(summary(1, 1));
    store.baselineLoaded = true;
    expect(store.putMessage(storedMessage(2)).conversation?.unreadCount).toBe(2);
    expect(store.putMessage(storedMessage(2)).conversation).toBeNull();
    expect(store.putMessage(storedMessage(3, { mine: true })).conversation).toMatchObject({
      unreadCount: 2,
      lastMessage: { seq: 3 },
    });
  });

  it('does not count a listed message again when its page arrives', () => {
    const store = new ConversationStore(ME);
    store.applySummary(summary(0));
    store.baselineLoaded = true;
    store.applySummary(summary(2, 2));
    store.putMessage(storedMessage(1));
    store.putMessage(storedMessage(2));
    expect(store.conversation(CONVERSATION)?.unreadCount).toBe(2);
  });

  it('keeps a last message newer than the list, with its unread count on top of the server’s', () => {
    const store = new ConversationStore(ME);
    store.applySummary(summary(1, 0));
    store.baselineLoaded = true;
    store.putMessage(storedMessage(2));
    store.putMessage(storedMessage(3));
    const state = store.applySummary(summary(2, 1));
    expect(state).toMatchObject({ lastMessage: { seq: 3 }, unreadCount: 2 });
  });

  it('applies a receipt that overtook its message when the message arrives', () => {
    const store = new ConversationStore(ME);
    expect(store.patch(CONVERSATION, storedMessage(1).id, { readAt: '2026-01-02T00:00:00.000Z' })).toBeNull();
    const { message } = store.putMessage(storedMessage(1, { mine: true }));
    expect(message).toMatchObject({ status: 'read', readAt: '2026-01-02T00:00:00.000Z' });
  });

  it('marks incoming messages read and zeroes the unread count', () => {
    const store = new ConversationStore(ME);
    store.putMessage(storedMessage(1));
    store.putMessage(storedMessage(2, { mine: true }));
    store.putMessage(storedMessage(3));
    const { messages, conversation } = store.markRead(CONVERSATION, '2026-01-03T00:00:00.000Z');
    expect(messages.map((m) => m.seq)).toEqual([1, 3]);
    expect(messages.every((m) => m.status === 'read')).toBe(true);
    expect(conversation?.unreadCount).toBe(0);
  });

  it('leaves unread what arrived after the mark-read went out, so the next one covers it', () => {
    const store = new ConversationStore(ME);
    store.putMessage(storedMessage(1));
    const upToSeq = store.lastSeqOf(CONVERSATION);
    store.putMessage(storedMessage(2));
    const { messages, conversation } = store.markRead(CONVERSATION, '2026-01-03T00:00:00.000Z', upToSeq);
    expect(messages.map((m) => m.seq)).toEqual([1]);
    expect(
      store
        .log(CONVERSATION)
        ?.list()
        .map((m) => [m.seq, m.readAt !== null]),
    ).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(conversation?.unreadCount).toBe(1);
  });

  it('shows the other participant’s presence on their conversation', () => {
    const store = new ConversationStore(ME);
    store.applySummary(summary(1));
    const [changed] = store.setPresence(PEER, true, null);
    expect(changed?.otherParticipant).toMatchObject({ id: PEER, isOnline: true });
    expect(store.conversationWith(PEER)?.id).toBe(CONVERSATION);
  });
});
