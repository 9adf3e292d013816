import { describe, expect, it } from 'vitest';
import { lastMessageOf } from '../../client/src/chat-message.js';
import { fakeBlockSession } from './support/fake-block-session.js';
import { CAROL, GROUP, groupMessage, groupSummary, groupView } from './support/group-factory.js';
import { CONVERSATION, ME, PEER, storedMessage, summary } from './support/message-factory.js';

const AT = '2026-01-02T00:00:00.000Z';
const fromCarol = (seq: number) => groupMessage(seq, { senderId: CAROL });
const seqs = (messages: ReadonlyArray<{ seq: number }>) => messages.map((m) => m.seq);

describe('a blocked member’s messages in a group, in the client', () => {
  it('are held but neither listed, announced nor counted', () => {
    const { store, updates, blocked, heard, contents } = fakeBlockSession();
    blocked.reset([CAROL]);
    expect(updates.applyStored(groupMessage(1), groupView(), true)).toBe(true);
    const carols = groupView({ lastMessage: lastMessageOf(fromCarol(2)), lastActivityAt: fromCarol(2).createdAt });
    expect(updates.applyStored(fromCarol(2), carols, true)).toBe(false);
    updates.applyStored(groupMessage(3), undefined, true);
    expect(contents()).toEqual(['message 1', 'message 3']);
    // Held, so catch-up sees no hole where Carol's message is.
    expect(store.log(GROUP)).toMatchObject({ contiguous: 3, hasHole: false, size: 3 });
    expect(seqs(heard.messages)).toEqual([1, 3]);
    expect(store.conversation(GROUP)).toMatchObject({ unreadCount: 2, lastMessage: { seq: 3 } });
    expect(heard.conversations.map((c) => c.lastMessage?.seq)).toEqual([1, 3]);

    updates.applyStored({ ...fromCarol(2), content: 'edited', editedAt: AT }, undefined, true, true);
    updates.patch(GROUP, fromCarol(2).id, { isDeleted: true, deletedAt: AT });
    expect([...heard.messages, ...heard.updates].map((m) => m.senderId)).not.toContain(CAROL);
  });

  it('are read with the rest but neither announced nor left unread', () => {
    const { store, updates, blocked, heard, clear } = fakeBlockSession();
    blocked.reset([CAROL]);
    for (const message of [groupMessage(1), fromCarol(2), fromCarol(3)]) updates.applyStored(message, undefined, true);
    clear();
    const { messages, conversation } = store.markRead(GROUP, AT, 2);
    expect(seqs(messages)).toEqual([1]);
    expect(conversation?.unreadCount).toBe(0);
    expect(store.log(GROUP)?.get(fromCarol(2).id)?.readAt).toBe(AT);
    expect(store.log(GROUP)?.get(fromCarol(3).id)?.readAt).toBeNull();
    expect(heard.messages).toEqual([]);
  });

  it('never stand as the group’s last message, also when the server’s list names one', () => {
    const { store, updates, blocked } = fakeBlockSession();
    blocked.reset([CAROL]);
    updates.applyStored(groupMessage(1), undefined, true);
    updates.applyStored(fromCarol(2), undefined, true);
    updates.applySummary(groupSummary({ lastMessage: lastMessageOf(fromCarol(2)) }));
    expect(store.conversation(GROUP)?.lastMessage).toEqual(lastMessageOf(groupMessage(1)));
  });

  it('show again on unblock: listed, with `conversation` to re-render, and later changes as updates', async () => {
    const { updates, blocked, heard, calls, contents, clear } = fakeBlockSession();
    blocked.reset([CAROL]);
    updates.applyStored(groupMessage(1), undefined, true);
    updates.applyStored(fromCarol(2), undefined, true);
    clear();
    await blocked.unblock(CAROL);
    await blocked.unblock(CAROL);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `DELETE /api/users/${CAROL}/block`,
      `DELETE /api/users/${CAROL}/block`,
    ]);
    expect(blocked.ids).toEqual([]);
    expect(contents()).toEqual(['message 1', 'message 2']);
    expect(heard.conversations.map((c) => [c.id, c.lastMessage?.seq])).toEqual([[GROUP, 2]]);
    expect(heard.messages).toEqual([]);
    updates.patch(GROUP, fromCarol(2).id, { isDeleted: true, deletedAt: AT });
    expect(heard.messages).toEqual([]);
    expect(heard.updates.map((m) => [m.seq, m.isDeleted])).toEqual([[2, true]]);
  });

  it('hide on block what was shown, and leave own messages and a direct conversation with them alone', async () => {
    const { store, updates, blocked, heard, calls, contents, clear } = fakeBlockSession();
    store.applySummary(summary(0));
    updates.applyStored(storedMessage(1), undefined, true);
    for (const message of [groupMessage(1), groupMessage(2, { mine: true }), groupMessage(3)]) {
      updates.applyStored(message, undefined, true);
    }
    clear();
    await blocked.block(PEER);
    expect(calls).toEqual([{ method: 'POST', path: `/api/users/${PEER}/block`, body: undefined }]);
    expect(blocked.ids).toEqual([PEER]);
    expect(store.visible(GROUP).map((m) => [m.seq, m.senderId])).toEqual([[2, ME]]);
    expect(contents(CONVERSATION)).toEqual(['message 1']);
    expect(heard.conversations.map((c) => [c.id, c.lastMessage?.seq])).toEqual([[GROUP, 2]]);
    await blocked.block(PEER);
    expect(heard.conversations).toHaveLength(1);
  });

  it('follow the server’s list: only a change re-renders a group', () => {
    const { updates, blocked, heard, contents, clear } = fakeBlockSession();
    expect(blocked.loaded).toBe(false);
    updates.applyStored(fromCarol(1), undefined, true);
    clear();
    blocked.reset([PEER, CAROL]);
    expect(blocked).toMatchObject({ loaded: true, ids: [PEER, CAROL] });
    expect(contents()).toEqual([]);
    blocked.reset([PEER, CAROL]);
    blocked.reset([PEER]);
    expect(contents()).toEqual(['message 1']);
    expect(heard.conversations.map((c) => c.lastMessage?.seq ?? null)).toEqual([null, 1]);
  });
});
