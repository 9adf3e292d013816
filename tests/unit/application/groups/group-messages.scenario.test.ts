import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { makeGroup, members, sendTo } from './group-support.js';

/** Lets fire-and-forget work (delivery confirmations) finish. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

// How the message use cases behave in a group; each use case's own file covers its direct behaviour.
describe('messages in a group', () => {
  it('reaches every other member, notifies those who did not mute it, and confirms delivery per member', async () => {
    const core = buildCore();
    const [alice, bob, carol] = await members(core, 'alice', 'bob', 'carol');
    const group = await makeGroup(core, alice!, [bob!, carol!]);
    right(await core.useCases.muteConversation.mute(carol!.claims, group.id, {}));
    const message = await sendTo(core, alice!, group.id, 'hello all');
    expect(message).toMatchObject({ receiverId: null, seq: 1, deliveredAt: null, readAt: null });
    expect(core.notifier.eventsFor(alice!.user.id, 'message_received')).toEqual([]);
    expect(core.notifier.eventsFor(bob!.user.id, 'new_message_notification')).toHaveLength(1);
    expect(core.notifier.eventsFor(carol!.user.id, 'new_message_notification')).toEqual([]);

    core.notifier.acknowledgeAll(carol!.user.id);
    core.notifier.acknowledgeAll(bob!.user.id);
    await settle();
    await settle();
    const delivered = core.notifier.eventsFor(alice!.user.id, 'message_delivered');
    expect(delivered.map((event) => [event.messageId, event.userId])).toEqual([
      [message.id, carol!.user.id],
      [message.id, bob!.user.id],
    ]);
    core.notifier.acknowledgeAll(bob!.user.id);
    await settle();
    expect(core.notifier.eventsFor(alice!.user.id, 'message_delivered')).toHaveLength(2);
  });

  it('keeps a read position per member: one write for the whole conversation, receipts to the others', async () => {
    const core = buildCore();
    const [alice, bob, carol] = await members(core, 'alice', 'bob', 'carol');
    const group = await makeGroup(core, alice!, [bob!, carol!]);
    const first = await sendTo(core, alice!, group.id, 'one');
    await sendTo(core, bob!, group.id, 'two');
    const third = await sendTo(core, alice!, group.id, 'three');

    right(await core.useCases.markMessageRead.execute(carol!.claims, first.id));
    expect(right(await core.useCases.getUnreadCount.execute(carol!.claims)).unreadCount).toBe(2);
    expect(left(await core.useCases.markMessageRead.execute(alice!.claims, first.id))._tag).toBe('Forbidden');
    expect(right(await core.useCases.markConversationRead.execute(carol!.claims, group.id))).toEqual({
      markedCount: 2,
    });
    expect(right(await core.useCases.markConversationRead.execute(carol!.claims, group.id))).toEqual({
      markedCount: 0,
    });
    // Reading an older message after the newest moves nothing back and tells no one.
    right(await core.useCases.markMessageRead.execute(carol!.claims, first.id));
    expect(right(await core.useCases.getUnreadCount.execute(carol!.claims)).unreadCount).toBe(0);
    for (const member of [alice!, bob!]) {
      expect(core.notifier.eventsFor(member.user.id, 'message_read').map((e) => [e.messageId, e.readerId])).toEqual([
        [first.id, carol!.user.id],
        [third.id, carol!.user.id],
      ]);
    }
    expect(core.notifier.eventsFor(carol!.user.id, 'message_read')).toEqual([]);
    expect(right(await core.useCases.getUnreadCount.execute(bob!.claims)).unreadCount).toBe(2);
  });

  it('tells edits, deletions, reactions and typing to the members who see them, not to a later member', async () => {
    const core = buildCore();
    const [alice, bob, carol, dave] = await members(core, 'alice', 'bob', 'carol', 'dave');
    const group = await makeGroup(core, alice!, [bob!, carol!]);
    const early = await sendTo(core, alice!, group.id, 'early');
    right(await core.useCases.addGroupMembers.execute(alice!.claims, group.id, { userIds: [dave!.user.id] }));

    right(await core.useCases.editMessage.execute(alice!.claims, early.id, { content: 'early, edited' }));
    right(await core.useCases.reactToMessage.add(bob!.claims, early.id, '👍'));
    right(await core.useCases.deleteMessage.execute(alice!.claims, early.id));
    right(await core.useCases.notifyTyping.execute(carol!.claims, group.id, true));
    for (const event of ['message_edited', 'message_reaction', 'message_deleted'] as const) {
      expect([event, core.notifier.eventsFor(carol!.user.id, event)]).toEqual([event, [expect.anything()]]);
      expect([event, core.notifier.eventsFor(dave!.user.id, event)]).toEqual([event, []]);
    }
    expect(left(await core.useCases.reactToMessage.add(dave!.claims, early.id, '👍'))._tag).toBe('NotFound');
    for (const member of [alice!, bob!, dave!]) {
      expect(core.notifier.eventsFor(member.user.id, 'user_typing')).toEqual([
        { conversationId: group.id, userId: carol!.user.id, isTyping: true },
      ]);
    }
  });

  it('shows in the change feed only what a member may see, and who joined', async () => {
    const core = buildCore();
    const [alice, bob, carol, dave] = await members(core, 'alice', 'bob', 'carol', 'dave');
    const group = await makeGroup(core, alice!, [bob!, carol!]);
    await sendTo(core, alice!, group.id, 'before dave');
    right(await core.useCases.sendMessage.execute(alice!.claims, { receiverId: dave!.user.id, content: 'direct' }));
    const since = right(await core.useCases.syncChanges.execute(dave!.claims, {})).nextCursor;
    right(await core.useCases.addGroupMembers.execute(alice!.claims, group.id, { userIds: [dave!.user.id] }));
    await sendTo(core, alice!, group.id, 'after dave');

    // The group is new to dave's cursor, so the feed gives it from its start, less what came before he joined.
    const feed = right(await core.useCases.syncChanges.execute(dave!.claims, { since }));
    const seen = feed.changes.map((change) =>
      'message' in change.data ? `${change.type}:${change.data.message.content}` : change.type,
    );
    expect(seen).toEqual(['conversation_created', 'member_added', 'message_created:after dave']);
  });
});
