import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { makeGroup, members } from './group-support.js';

describe('renaming a group', () => {
  it('lets the owner rename it and tells every member, once per change', async () => {
    const core = buildCore();
    const [alice, bob, carol] = await members(core, 'alice', 'bob', 'carol');
    const group = await makeGroup(core, alice!, [bob!, carol!]);
    const renamed = right(await core.useCases.renameGroup.execute(alice!.claims, group.id, { title: 'Renamed' }));
    expect(renamed.conversation).toMatchObject({ id: group.id, title: 'Renamed', participants: group.participants });
    right(await core.useCases.renameGroup.execute(alice!.claims, group.id, { title: 'Renamed' }));
    expect(core.notifier.eventsFor(carol!.user.id, 'conversation_updated')).toEqual([
      { conversation: renamed.conversation, cursor: `${group.id}:2` },
    ]);
  });

  it('is the owner’s alone: a member gets 403, an outsider 404, a direct conversation 400', async () => {
    const core = buildCore();
    const [alice, bob, carol, eve] = await members(core, 'alice', 'bob', 'carol', 'eve');
    const group = await makeGroup(core, alice!, [bob!, carol!]);
    const rename = (user: typeof alice, id: string) =>
      core.useCases.renameGroup.execute(user!.claims, id, { title: 'Mine' });
    expect(left(await rename(bob, group.id))._tag).toBe('Forbidden');
    expect(left(await rename(eve, group.id))._tag).toBe('NotFound');
    const direct = right(
      await core.useCases.createConversation.execute(alice!.claims, { participantIds: [bob!.user.id] }),
    );
    expect(left(await rename(alice, direct.conversation.id))._tag).toBe('Validation');
    expect(left(await core.useCases.renameGroup.execute(alice!.claims, group.id, { title: '' }))._tag).toBe(
      'Validation',
    );
  });
});
