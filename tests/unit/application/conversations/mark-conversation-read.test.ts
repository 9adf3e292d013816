import { describe, expect, it } from 'vitest';
import { buildCore, right } from '../../../support/build-core.js';
import { anyCursor, send } from '../support.js';

describe('marking a conversation read', () => {
  it('marks the caller’s unread messages, sends a receipt per message to the sender, and marks nothing the second time', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const a1 = await send(core, alice, bob, 'one');
    const a2 = await send(core, alice, bob, 'two');
    const mine = await send(core, bob, alice, 'my own message');
    const a3 = await send(core, alice, bob, 'three');
    right(await core.useCases.markMessageRead.execute(bob.claims, a2.message.id));
    const conversationId = a1.message.conversationId;
    core.clock.advance(2_000);
    const readAt = core.clock.now().toISOString();

    expect(right(await core.useCases.markConversationRead.execute(bob.claims, conversationId))).toEqual({
      markedCount: 2,
    });
    const receipts = core.notifier.eventsFor(alice.user.id, 'message_read');
    expect(receipts.slice(1)).toEqual(
      [a1, a3].map((sent) => ({
        messageId: sent.message.id,
        conversationId,
        readerId: bob.user.id,
        readAt,
        cursor: anyCursor,
      })),
    );
    for (const sent of [a1, a3]) {
      expect((await core.infrastructure.messages.findById(sent.message.id))?.readAt?.toISOString()).toBe(readAt);
    }
    expect((await core.infrastructure.messages.findById(mine.message.id))?.readAt).toBeNull();
    expect(core.notifier.eventsFor(bob.user.id, 'message_read')).toEqual([]);

    expect(right(await core.useCases.markConversationRead.execute(bob.claims, conversationId))).toEqual({
      markedCount: 0,
    });
    expect(core.notifier.eventsFor(alice.user.id, 'message_read')).toHaveLength(3);
    expect(right(await core.useCases.getUnreadCount.execute(bob.claims)).unreadCount).toBe(0);
  });

  it('skips deleted messages', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const gone = await send(core, alice, bob, 'gone');
    await send(core, alice, bob, 'kept');
    right(await core.useCases.deleteMessage.execute(alice.claims, gone.message.id));
    expect(right(await core.useCases.markConversationRead.execute(bob.claims, gone.message.conversationId))).toEqual({
      markedCount: 1,
    });
    expect((await core.infrastructure.messages.findById(gone.message.id))?.readAt).toBeNull();
  });
});
