import { describe, expect, it } from 'vitest';
import { ConversationStore } from '../../client/src/conversation-store.js';
import type { ConversationView } from '../../client/src/public-types.js';
import type { ChangeView } from '../../client/src/rest-types.js';
import { fakeGroupSession } from './support/fake-group-session.js';
import { CAROL, DAVE, GROUP, groupCursor, groupMessage, groupView } from './support/group-factory.js';
import { CONVERSATION, ME, PEER, storedMessage, summary } from './support/message-factory.js';

const AT = '2026-01-02T00:00:00.000Z';

/** A conversation as the change feed carries it (its REST shape). */
const feedView = (view: ConversationView) => ({ ...view, participants: [...view.participants] });

const change = (type: ChangeView['type'], data: ChangeView['data'], position: number): ChangeView => ({
  cursor: groupCursor(position),
  type,
  conversationId: GROUP,
  at: AT,
  data,
});

describe('group conversations in the client', () => {
  it('adds a group from conversation_created once, and moves the change cursor on', () => {
    const { store, socket, seen } = fakeGroupSession();
    socket.deliver('conversation_created', { conversation: groupView(), cursor: groupCursor(1) });
    socket.deliver('conversation_created', { conversation: groupView(), cursor: groupCursor(1) });
    expect(store.conversation(GROUP)).toMatchObject({
      kind: 'group',
      title: 'Engines',
      ownerId: ME,
      participants: [ME, PEER, CAROL],
      otherParticipant: null,
      unreadCount: 0,
    });
    expect(seen.conversations).toHaveLength(1);
    expect(seen.cursors).toEqual([groupCursor(1), groupCursor(1)]);
    expect(seen.detailsAsked).toEqual([]);
    expect(store.log(GROUP)?.floor).toBe(0);
  });

  it('replaces a group’s title and owner from conversation_updated', () => {
    const { store, socket, seen } = fakeGroupSession();
    socket.deliver('conversation_created', { conversation: groupView(), cursor: groupCursor(1) });
    socket.deliver('conversation_updated', {
      conversation: groupView({ title: 'Looms', ownerId: PEER }),
      cursor: groupCursor(2),
    });
    expect(store.conversation(GROUP)).toMatchObject({ title: 'Looms', ownerId: PEER });
    expect(seen.conversations.map((c) => c.title)).toEqual(['Engines', 'Looms']);
  });

  it('follows the members through member_added and member_removed', () => {
    const { store, socket, seen } = fakeGroupSession();
    socket.deliver('conversation_created', { conversation: groupView(), cursor: groupCursor(1) });
    socket.deliver('member_added', {
      conversationId: GROUP,
      userId: DAVE,
      addedBy: ME,
      conversation: groupView({ participants: [ME, PEER, CAROL, DAVE] }),
      cursor: groupCursor(2),
    });
    expect(store.conversation(GROUP)?.participants).toEqual([ME, PEER, CAROL, DAVE]);
    socket.deliver('member_removed', { conversationId: GROUP, userId: CAROL, removedBy: ME, cursor: groupCursor(3) });
    expect(store.conversation(GROUP)?.participants).toEqual([ME, PEER, DAVE]);
    expect(seen.conversations).toHaveLength(3);
    expect(seen.left).toEqual([]);
  });

  it('adds a group the user was added to', () => {
    const { store, socket } = fakeGroupSession();
    socket.deliver('member_added', {
      conversationId: GROUP,
      userId: ME,
      addedBy: PEER,
      conversation: groupView({ participants: [PEER, CAROL, ME], ownerId: PEER }),
      cursor: groupCursor(5),
    });
    expect(store.conversation(GROUP)).toMatchObject({ kind: 'group', ownerId: PEER, unreadCount: 0 });
  });

  it('forgets a group the user was removed from, with its messages, and says so once', () => {
    const { store, socket, seen } = fakeGroupSession();
    socket.deliver('conversation_created', { conversation: groupView(), cursor: groupCursor(1) });
    store.putMessage(groupMessage(1));
    for (let i = 0; i < 2; i += 1) {
      socket.deliver('member_removed', { conversationId: GROUP, userId: ME, removedBy: PEER, cursor: groupCursor(3) });
    }
    expect(store.conversation(GROUP)).toBeUndefined();
    expect(store.log(GROUP)).toBeUndefined();
    expect(store.conversationIds()).not.toContain(GROUP);
    expect(seen.left).toEqual([GROUP]);
    expect(seen.roomsLeft).toEqual([GROUP]);
  });

  it('reads a group receipt as a read position: own messages up to it are read, nothing else', () => {
    const { store, groups, socket, seen } = fakeGroupSession();
    socket.deliver('conversation_created', { conversation: groupView(), cursor: groupCursor(1) });
    store.putMessage(groupMessage(1, { mine: true }));
    store.putMessage(groupMessage(2));
    store.putMessage(groupMessage(3, { mine: true }));
    store.putMessage(groupMessage(4, { mine: true }));
    expect(groups.read(GROUP, groupMessage(3).id, AT)).toBe(true);
    const statuses = store
      .log(GROUP)!
      .list()
      .map((m) => [m.seq, m.status]);
    expect(statuses).toEqual([
      [1, 'read'],
      [2, 'delivered'],
      [3, 'read'],
      [4, 'sent'],
    ]);
    expect(seen.shown.map((m) => m.seq)).toEqual([1, 3]);
    store.applySummary(summary(1));
    expect(groups.read(CONVERSATION, storedMessage(1).id, AT)).toBe(false);
  });

  it('applies the change feed’s group changes: a new group, another member leaving, the user leaving', () => {
    const { store, groups, seen } = fakeGroupSession();
    groups.applyChange(change('conversation_created', { conversation: feedView(groupView()) }, 1));
    expect(store.conversation(GROUP)?.title).toBe('Engines');
    const without = feedView(groupView({ participants: [ME, CAROL] }));
    groups.applyChange(change('member_removed', { conversation: without, userId: PEER }, 2));
    expect(store.conversation(GROUP)?.participants).toEqual([ME, CAROL]);
    groups.applyChange(change('member_removed', { conversation: without, userId: ME }, 3));
    expect(store.conversation(GROUP)).toBeUndefined();
    expect(seen.left).toEqual([GROUP]);
  });

  it('keeps a group message’s conversation a group, never the direct conversation with its sender', () => {
    const store = new ConversationStore(ME);
    store.putMessage(groupMessage(1), groupView({ participants: [ME, PEER] }));
    expect(store.conversation(GROUP)).toMatchObject({ kind: 'group', participants: [ME, PEER] });
    expect(store.conversationWith(PEER)).toBeUndefined();
    store.applySummary(summary(0));
    expect(store.conversationWith(PEER)?.id).toBe(CONVERSATION);
  });
});

describe('the client’s group requests', () => {
  const members = `/api/conversations/${GROUP}/members`;

  it('starts a group and holds it at once', async () => {
    const { groups, store, calls } = fakeGroupSession({ 'POST /api/conversations': { conversation: groupView() } });
    const started = await groups.create([PEER, CAROL], 'Engines');
    expect(calls).toEqual([
      { method: 'POST', path: '/api/conversations', body: { participantIds: [PEER, CAROL], title: 'Engines' } },
    ]);
    expect(started).toMatchObject({ id: GROUP, kind: 'group' });
    expect(store.conversation(GROUP)).toBe(started);
  });

  it('finds a direct conversation with its other participant from the server’s summary', async () => {
    const direct = { ...summary(2, 1) };
    const { groups, calls } = fakeGroupSession({
      'POST /api/conversations': { conversation: { ...groupView(), ...direct, kind: 'direct', title: null } },
      [`GET /api/conversations/${CONVERSATION}`]: { conversation: direct },
    });
    const found = await groups.create([PEER]);
    expect(calls.map((c) => c.body)).toEqual([{ participantIds: [PEER] }, undefined]);
    expect(found).toMatchObject({ kind: 'direct', otherParticipant: { id: PEER }, unreadCount: 1 });
  });

  it('renames, adds, removes and leaves over REST, keeping the store as the server answers', async () => {
    const { groups, store, calls, seen } = fakeGroupSession({
      'POST /api/conversations': { conversation: groupView() },
      [`PUT /api/conversations/${GROUP}`]: { conversation: groupView({ title: 'Looms' }) },
      [`POST ${members}`]: {
        conversation: groupView({ title: 'Looms', participants: [ME, PEER, CAROL, DAVE] }),
        added: [DAVE],
      },
      [`DELETE ${members}/${CAROL}`]: { conversation: groupView({ title: 'Looms', participants: [ME, PEER, DAVE] }) },
      [`DELETE ${members}/me`]: { conversation: groupView({ participants: [PEER, DAVE], ownerId: PEER }) },
    });
    await groups.create([PEER, CAROL], 'Engines');
    expect((await groups.rename(GROUP, 'Looms')).title).toBe('Looms');
    expect((await groups.addMembers(GROUP, [DAVE, PEER])).added).toEqual([DAVE]);
    expect((await groups.removeMember(GROUP, CAROL)).participants).toEqual([ME, PEER, DAVE]);
    await groups.leave(GROUP);
    expect(store.conversation(GROUP)).toBeUndefined();
    expect(seen.left).toEqual([GROUP]);
    expect(calls.slice(1).map((c) => [c.method, c.path, c.body])).toEqual([
      ['PUT', `/api/conversations/${GROUP}`, { title: 'Looms' }],
      ['POST', members, { userIds: [DAVE, PEER] }],
      ['DELETE', `${members}/${CAROL}`, undefined],
      ['DELETE', `${members}/me`, undefined],
    ]);
  });
});
