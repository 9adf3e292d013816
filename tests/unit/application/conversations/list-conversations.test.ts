import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { send } from '../support.js';

describe('listing conversations', () => {
  it('lists newest activity first, with the other participant (no e-mail) and the caller’s unread count', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const carol = await core.register('carol');
    const dave = await core.register('dave');

    const withBob = (await send(core, alice, bob, 'to bob')).message.conversationId;
    core.clock.advance(1_000);
    const withCarol = (await send(core, carol, alice, 'from carol')).message.conversationId;
    await send(core, carol, alice, 'again from carol');
    core.clock.advance(1_000);
    const withDave = (await send(core, alice, dave, 'to dave')).message.conversationId;
    core.clock.advance(1_000);
    await send(core, bob, alice, 'bob replies');
    await core.useCases.trackPresence.admit({ id: carol.user.id, username: 'carol' }, 'carol-socket');

    const { conversations, pagination } = right(await core.useCases.listConversations.execute(alice.claims, {}));
    expect(conversations.map((c) => c.id)).toEqual([withBob, withDave, withCarol]);
    expect(pagination).toEqual({ page: 1, limit: 20, total: 3, totalPages: 1, hasNext: false });
    expect(conversations.map((c) => [c.otherParticipant?.username, c.unreadCount])).toEqual([
      ['bob', 1],
      ['dave', 0],
      ['carol', 2],
    ]);
    expect(conversations[0]?.otherParticipant).toEqual({
      id: bob.user.id,
      username: 'bob',
      isOnline: false,
      lastSeen: null,
    });
    expect(conversations[2]?.otherParticipant?.isOnline).toBe(true);
    expect(conversations[0]?.lastMessage).toMatchObject({ preview: 'bob replies', senderId: bob.user.id });
    expect(JSON.stringify(conversations)).not.toContain('@example.com');

    const second = right(await core.useCases.listConversations.execute(alice.claims, { page: '2', limit: '2' }));
    expect(second.conversations.map((c) => c.id)).toEqual([withCarol]);
    expect(second.pagination).toMatchObject({ page: 2, limit: 2, total: 3, totalPages: 2, hasNext: false });

    const bobsView = right(await core.useCases.listConversations.execute(bob.claims, {}));
    expect(bobsView.conversations.map((c) => [c.otherParticipant?.username, c.unreadCount])).toEqual([['alice', 1]]);
  });

  it('refuses an out-of-range limit', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    expect(left(await core.useCases.listConversations.execute(alice.claims, { limit: '101' }))._tag).toBe('Validation');
  });
});
