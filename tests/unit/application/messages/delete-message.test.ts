import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { anyCursor, send, threeUsers, UNKNOWN_ID } from '../support.js';

describe('deleting a message', () => {
  it('lets only the sender delete: the receiver gets Forbidden, a third user NotFound', async () => {
    const core = buildCore();
    const { alice, bob, carol } = await threeUsers(core);
    const sent = await send(core, alice, bob, 'keep me');

    expect(left(await core.useCases.deleteMessage.execute(bob.claims, sent.message.id))._tag).toBe('Forbidden');
    expect(left(await core.useCases.deleteMessage.execute(carol.claims, sent.message.id))._tag).toBe('NotFound');
    expect(left(await core.useCases.deleteMessage.execute(alice.claims, UNKNOWN_ID))._tag).toBe('NotFound');
    expect(left(await core.useCases.deleteMessage.execute(alice.claims, { $ne: null }))._tag).toBe('Validation');
    expect((await core.infrastructure.messages.findById(sent.message.id))?.deletedAt).toBeNull();
    expect(core.notifier.eventsFor(bob.user.id, 'message_deleted')).toEqual([]);
  });

  it('hides the content in the result, the history and the last-message preview, and tells the receiver', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const sent = await send(core, alice, bob, 'oops, secret');
    const conversationId = sent.message.conversationId;
    core.clock.advance(1_000);

    const { message } = right(await core.useCases.deleteMessage.execute(alice.claims, sent.message.id));
    expect(message).toMatchObject({
      id: sent.message.id,
      content: '',
      isDeleted: true,
      deletedAt: core.clock.now().toISOString(),
    });

    for (const viewer of [alice, bob]) {
      const history = right(await core.useCases.getConversationHistory.execute(viewer.claims, conversationId, {}));
      expect(history.messages).toHaveLength(1);
      expect(history.messages[0]).toMatchObject({ id: sent.message.id, content: '', isDeleted: true });
      const { conversation } = right(await core.useCases.getConversation.execute(viewer.claims, conversationId));
      expect(conversation.lastMessage).toMatchObject({ id: sent.message.id, preview: '', isDeleted: true });
      const list = right(await core.useCases.listConversations.execute(viewer.claims, {}));
      expect(list.conversations[0]?.lastMessage).toMatchObject({ preview: '', isDeleted: true });
      expect(JSON.stringify([history, conversation, list])).not.toContain('secret');
    }

    expect(core.notifier.eventsFor(bob.user.id, 'message_deleted')).toEqual([
      { messageId: sent.message.id, conversationId, cursor: anyCursor },
    ]);
    expect(core.notifier.eventsFor(alice.user.id, 'message_deleted')).toEqual([]);
  });

  it('keeps the preview of a later message when an earlier one is deleted', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const earlier = await send(core, alice, bob, 'earlier');
    core.clock.advance(1_000);
    const later = await send(core, alice, bob, 'later');
    right(await core.useCases.deleteMessage.execute(alice.claims, earlier.message.id));
    const { conversation } = right(
      await core.useCases.getConversation.execute(bob.claims, later.message.conversationId),
    );
    expect(conversation.lastMessage).toMatchObject({ id: later.message.id, preview: 'later', isDeleted: false });
  });

  it('accepts deleting twice, keeping the first deletedAt and telling the receiver once', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const sent = await send(core, alice, bob, 'twice');
    const first = right(await core.useCases.deleteMessage.execute(alice.claims, sent.message.id));
    core.clock.advance(10_000);
    const second = right(await core.useCases.deleteMessage.execute(alice.claims, sent.message.id));
    expect(second.message).toEqual(first.message);
    expect(core.notifier.eventsFor(bob.user.id, 'message_deleted')).toHaveLength(1);
  });
});
