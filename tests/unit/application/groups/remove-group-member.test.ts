import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { contents, makeGroup, members, sendTo } from './group-support.js';

describe('removing a member or leaving a group', () => {
  it('shuts out whoever left: no messages, no history, no sending, and the group off their list', async () => {
    const core = buildCore();
    const [alice, bob, carol] = await members(core, 'alice', 'bob', 'carol');
    const group = await makeGroup(core, alice!, [bob!, carol!]);
    await sendTo(core, alice!, group.id, 'while carol was in');

    const left1 = right(await core.useCases.removeGroupMember.execute(carol!.claims, group.id, 'me'));
    expect(left1.conversation.participants).toEqual([alice!.user.id, bob!.user.id]);
    for (const member of [alice!, bob!, carol!]) {
      expect(core.notifier.eventsFor(member.user.id, 'member_removed')).toEqual([
        expect.objectContaining({ userId: carol!.user.id, removedBy: carol!.user.id }),
      ]);
    }
    await sendTo(core, alice!, group.id, 'after carol left');
    expect(core.notifier.eventsFor(carol!.user.id, 'message_received').map((e) => e.message.content)).toEqual([
      'while carol was in',
    ]);
    expect(left(await core.useCases.getConversationHistory.execute(carol!.claims, group.id, {}))._tag).toBe('NotFound');
    expect(
      left(await core.useCases.sendMessage.execute(carol!.claims, { conversationId: group.id, content: 'hi' }))._tag,
    ).toBe('NotFound');
    expect(right(await core.useCases.listConversations.execute(carol!.claims, {})).conversations).toEqual([]);
    expect(right(await core.useCases.getUnreadCount.execute(carol!.claims)).unreadCount).toBe(0);
    expect(await contents(core, bob!, group.id)).toEqual(['while carol was in', 'after carol left']);
  });

  it('hands ownership to the longest-standing member when the owner leaves', async () => {
    const core = buildCore();
    const [alice, bob, carol, dave] = await members(core, 'alice', 'bob', 'carol', 'dave');
    const group = await makeGroup(core, alice!, [bob!, carol!]);
    core.clock.advance(1_000);
    right(await core.useCases.addGroupMembers.execute(alice!.claims, group.id, { userIds: [dave!.user.id] }));
    const after = right(await core.useCases.removeGroupMember.execute(alice!.claims, group.id, 'me')).conversation;
    expect(after.ownerId).toBe(bob!.user.id);
    expect(core.notifier.eventsFor(dave!.user.id, 'conversation_updated').at(-1)?.conversation.ownerId).toBe(
      bob!.user.id,
    );
    right(await core.useCases.renameGroup.execute(bob!.claims, group.id, { title: 'Bob’s now' }));
  });

  it('lets only the owner remove someone else, and only a member once', async () => {
    const core = buildCore();
    const [alice, bob, carol, eve] = await members(core, 'alice', 'bob', 'carol', 'eve');
    const group = await makeGroup(core, alice!, [bob!, carol!]);
    const remove = (by: typeof alice, target: string) =>
      core.useCases.removeGroupMember.execute(by!.claims, group.id, target);
    expect(left(await remove(bob, carol!.user.id))._tag).toBe('Forbidden');
    expect(left(await remove(eve, 'me'))._tag).toBe('NotFound');
    expect(left(await remove(alice, eve!.user.id))._tag).toBe('NotFound');
    expect(left(await remove(alice, 'someone'))._tag).toBe('Validation');
    right(await remove(alice, carol!.user.id));
    expect(left(await remove(alice, carol!.user.id))._tag).toBe('NotFound');
  });
});
