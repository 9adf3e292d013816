import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { makeGroup, members } from './group-support.js';

const UNKNOWN = 'f'.repeat(24);

describe('creating a conversation', () => {
  it('makes a group owned by its creator, with every member told, and records its creation', async () => {
    const core = buildCore();
    const [alice, bob, carol] = await members(core, 'alice', 'bob', 'carol');
    const group = await makeGroup(core, alice!, [bob!, carol!], '  Weekend  ');

    expect(group).toMatchObject({ kind: 'group', title: 'Weekend', ownerId: alice!.user.id, lastMessage: null });
    expect(group.participants).toEqual([alice!.user.id, bob!.user.id, carol!.user.id]);
    for (const member of [alice!, bob!, carol!]) {
      expect(core.notifier.eventsFor(member.user.id, 'conversation_created')).toEqual([
        { conversation: group, cursor: `${group.id}:1` },
      ]);
    }
    const listed = right(await core.useCases.listConversations.execute(carol!.claims, {}));
    expect(listed.conversations.map((c) => [c.id, c.otherParticipant, c.unreadCount])).toEqual([[group.id, null, 0]]);
  });

  it('gives the pair’s one direct conversation for one other user and no title, however often asked', async () => {
    const core = buildCore();
    const [alice, bob] = await members(core, 'alice', 'bob');
    const ask = (from: typeof alice, to: typeof bob) =>
      core.useCases.createConversation.execute(from!.claims, { participantIds: [to!.user.id] });
    const [first, second] = await Promise.all([ask(alice, bob), ask(bob, alice)]);
    expect(right(first)).toMatchObject({
      created: false,
      conversation: { kind: 'direct', title: null, ownerId: null },
    });
    expect(right(second).conversation.id).toBe(right(first).conversation.id);
    expect(core.notifier.eventsFor(bob!.user.id, 'conversation_created')).toEqual([]);
  });

  it('refuses a direct conversation between users where either blocks the other', async () => {
    const core = buildCore();
    const [alice, bob] = await members(core, 'alice', 'bob');
    right(await core.useCases.blockUser.block(bob!.claims, alice!.user.id));
    const refused = left(
      await core.useCases.createConversation.execute(alice!.claims, { participantIds: [bob!.user.id] }),
    );
    expect(refused._tag).toBe('Forbidden');
  });

  it('refuses bad member lists and titles, creating nothing', async () => {
    const core = buildCore({ GROUP_MAX_MEMBERS: '3' });
    const [alice, bob, carol, dave] = await members(core, 'alice', 'bob', 'carol', 'dave');
    const ids = (...users: (typeof alice)[]) => users.map((user) => user!.user.id);
    const cases: Array<[object, string]> = [
      [{ participantIds: [] }, 'Validation'],
      [{ participantIds: ids(bob), title: 'Two' }, 'Validation'],
      [{ participantIds: ids(bob, carol) }, 'Validation'],
      [{ participantIds: ids(bob, alice), title: 'Self' }, 'Validation'],
      [{ participantIds: ids(bob, carol, dave), title: 'Too many' }, 'Validation'],
      [{ participantIds: ids(bob, carol), title: ' \u200b ' }, 'Validation'],
      [{ participantIds: ids(bob, carol), title: 'x'.repeat(101) }, 'Validation'],
      [{ participantIds: [bob!.user.id, 'nope'], title: 'Bad id' }, 'Validation'],
      [{ participantIds: [bob!.user.id, UNKNOWN], title: 'Ghost' }, 'NotFound'],
    ];
    for (const [body, tag] of cases) {
      expect([body, left(await core.useCases.createConversation.execute(alice!.claims, body))._tag]).toEqual([
        body,
        tag,
      ]);
    }
    expect(right(await core.useCases.listConversations.execute(bob!.claims, {})).conversations).toEqual([]);
  });
});
