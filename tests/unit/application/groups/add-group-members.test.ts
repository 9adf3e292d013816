import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { contents, makeGroup, members, sendTo } from './group-support.js';

describe('adding members to a group', () => {
  it('adds each new member once, who then sees only what came after joining', async () => {
    const core = buildCore();
    const [alice, bob, carol, dave] = await members(core, 'alice', 'bob', 'carol', 'dave');
    const group = await makeGroup(core, alice!, [bob!, carol!]);
    await sendTo(core, bob!, group.id, 'before dave');

    const add = () =>
      core.useCases.addGroupMembers.execute(alice!.claims, group.id, { userIds: [dave!.user.id, bob!.user.id] });
    const [first, second] = await Promise.all([add(), add()]);
    expect([right(first).added, right(second).added].flat()).toEqual([dave!.user.id]);
    expect(right(first).conversation.participants).toContain(dave!.user.id);
    expect(core.notifier.eventsFor(bob!.user.id, 'member_added')).toEqual([
      expect.objectContaining({ conversationId: group.id, userId: dave!.user.id, addedBy: alice!.user.id }),
    ]);

    expect(await contents(core, dave!, group.id)).toEqual([]);
    expect(right(await core.useCases.getUnreadCount.execute(dave!.claims)).unreadCount).toBe(0);
    await sendTo(core, carol!, group.id, 'hello dave');
    expect(await contents(core, dave!, group.id)).toEqual(['hello dave']);
    expect(right(await core.useCases.getUnreadCount.execute(dave!.claims)).unreadCount).toBe(1);
    expect(core.notifier.eventsFor(dave!.user.id, 'message_received').map((e) => e.message.content)).toEqual([
      'hello dave',
    ]);
  });

  it('is the owner’s alone, within GROUP_MAX_MEMBERS, for users who exist', async () => {
    const core = buildCore({ GROUP_MAX_MEMBERS: '4' });
    const [alice, bob, carol, dave, erin, eve] = await members(core, 'alice', 'bob', 'carol', 'dave', 'erin', 'eve');
    const group = await makeGroup(core, alice!, [bob!, carol!]);
    const add = (by: typeof alice, ...ids: string[]) =>
      core.useCases.addGroupMembers.execute(by!.claims, group.id, { userIds: ids });
    expect(left(await add(bob, dave!.user.id))._tag).toBe('Forbidden');
    expect(left(await add(eve, eve!.user.id))._tag).toBe('NotFound');
    expect(left(await add(alice, dave!.user.id, erin!.user.id))._tag).toBe('Validation');
    expect(left(await add(alice, 'f'.repeat(24)))._tag).toBe('NotFound');
    expect(left(await add(alice))._tag).toBe('Validation');
    expect(right(await add(alice, dave!.user.id)).added).toEqual([dave!.user.id]);
  });
});
