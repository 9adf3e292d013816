import { describe, expect, it } from 'vitest';
import { buildCore, right } from '../../../support/build-core.js';
import { send, threeUsers, type Registered } from '../support.js';

describe('unread counts', () => {
  it('move through send, read, mark-conversation-read and delete, per conversation', async () => {
    const core = buildCore();
    const { alice, bob, carol } = await threeUsers(core);
    const unread = async (who: Registered) => right(await core.useCases.getUnreadCount.execute(who.claims));
    const perConversation = async (who: Registered) =>
      Object.fromEntries((await unread(who)).conversations.map((c) => [c.conversationId, c.unreadCount]));

    expect(await unread(bob)).toEqual({ unreadCount: 0, conversations: [] });

    const a1 = await send(core, alice, bob, 'a1');
    const a2 = await send(core, alice, bob, 'a2');
    const a3 = await send(core, alice, bob, 'a3');
    const c1 = await send(core, carol, bob, 'c1');
    await send(core, carol, bob, 'c2');
    await send(core, bob, alice, 'reply does not count for bob');
    const withAlice = a1.message.conversationId;
    const withCarol = c1.message.conversationId;

    expect((await unread(bob)).unreadCount).toBe(5);
    expect(await perConversation(bob)).toEqual({ [withAlice]: 3, [withCarol]: 2 });
    expect((await unread(alice)).unreadCount).toBe(1);

    right(await core.useCases.markMessageRead.execute(bob.claims, a1.message.id));
    expect(await perConversation(bob)).toEqual({ [withAlice]: 2, [withCarol]: 2 });

    right(await core.useCases.deleteMessage.execute(alice.claims, a2.message.id));
    expect(await perConversation(bob)).toEqual({ [withAlice]: 1, [withCarol]: 2 });
    expect((await unread(bob)).unreadCount).toBe(3);

    expect(right(await core.useCases.markConversationRead.execute(bob.claims, withCarol))).toEqual({ markedCount: 2 });
    expect(await unread(bob)).toEqual({
      unreadCount: 1,
      conversations: [{ conversationId: withAlice, unreadCount: 1 }],
    });

    right(await core.useCases.deleteMessage.execute(alice.claims, a3.message.id));
    expect(await unread(bob)).toEqual({ unreadCount: 0, conversations: [] });
    expect((await unread(alice)).unreadCount).toBe(1);
  });
});
