import { describe, expect, it } from 'vitest';
import { manualAutoMessage } from '../../../support/auto-message-fixtures.js';
import { buildCore, left, right, type Core } from '../../../support/build-core.js';
import { aliceSentBob, aliceWroteToBob, anyCursor, send, threeUsers, UNKNOWN_ID, type Registered } from '../support.js';

const edit = (core: Core, editor: Registered, messageId: unknown, content: unknown) =>
  core.useCases.editMessage.execute(editor.claims, messageId, { content });

const contentOf = async (core: Core, messageId: string) =>
  (await core.infrastructure.messages.findById(messageId))?.content;

const changeTypesSince = async (core: Core, reader: Registered, since: string) =>
  right(await core.useCases.syncChanges.execute(reader.claims, { since })).changes.map((change) => change.type);

describe('editing a message', () => {
  it('lets only the sender edit: the receiver gets Forbidden, a third user and an unknown id NotFound', async () => {
    const core = buildCore();
    const { alice, bob, carol, messageId } = await aliceSentBob(core, 'as sent');

    expect(left(await edit(core, bob, messageId, 'by bob'))._tag).toBe('Forbidden');
    expect(left(await edit(core, carol, messageId, 'by carol'))._tag).toBe('NotFound');
    expect(left(await edit(core, alice, UNKNOWN_ID, 'nothing there'))._tag).toBe('NotFound');
    expect(left(await edit(core, alice, { $ne: null }, 'which?'))._tag).toBe('Validation');
    expect(left(await edit(core, alice, messageId, '   '))._tag).toBe('Validation');
    expect(await contentOf(core, messageId)).toBe('as sent');
    expect(core.notifier.eventsFor(bob.user.id, 'message_edited')).toEqual([]);
  });

  it('replaces the content and the last-message preview, and tells both participants with the same cursor', async () => {
    const core = buildCore();
    const { alice, bob, message, messageId, conversationId } = await aliceSentBob(core, 'typo hree');
    core.clock.advance(5_000);

    const edited = right(await edit(core, alice, messageId, 'typo here'));
    expect(edited).toEqual({
      message: expect.objectContaining({
        id: messageId,
        content: 'typo here',
        editedAt: core.clock.now().toISOString(),
        createdAt: message.createdAt,
      }),
      cursor: anyCursor,
    });
    for (const viewer of [alice, bob]) {
      const { messages } = right(await core.useCases.getConversationHistory.execute(viewer.claims, conversationId, {}));
      expect(messages.map((message) => message.content)).toEqual(['typo here']);
      const { conversation } = right(await core.useCases.getConversation.execute(viewer.claims, conversationId));
      expect(conversation.lastMessage).toMatchObject({ id: messageId, preview: 'typo here' });
      expect(core.notifier.eventsFor(viewer.user.id, 'message_edited')).toEqual([
        { message: expect.objectContaining({ id: messageId, content: 'typo here' }), cursor: edited.cursor },
      ]);
    }
  });

  it('shows each participant in message_edited whether they reacted', async () => {
    const core = buildCore();
    const { alice, bob, messageId } = await aliceSentBob(core, 'lunch?');
    right(await core.useCases.reactToMessage.add(bob.claims, messageId, '👍'));

    const edited = right(await edit(core, alice, messageId, 'lunch at noon?'));
    expect(edited.message.reactions).toEqual([{ emoji: '👍', count: 1, reactedByMe: false }]);
    const [toBob] = core.notifier.eventsFor(bob.user.id, 'message_edited');
    const [toAlice] = core.notifier.eventsFor(alice.user.id, 'message_edited');
    expect(toBob?.message.reactions).toEqual([{ emoji: '👍', count: 1, reactedByMe: true }]);
    expect(toAlice?.message.reactions).toEqual([{ emoji: '👍', count: 1, reactedByMe: false }]);
  });

  it('keeps the preview of a later message when an earlier one is edited, and records no conversation change', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const earlier = await send(core, alice, bob, 'earlier');
    const later = await send(core, alice, bob, 'later');
    const before = right(await core.useCases.syncChanges.execute(bob.claims, {})).nextCursor;

    right(await edit(core, alice, earlier.message.id, 'earlier, edited'));
    const { conversation } = right(
      await core.useCases.getConversation.execute(bob.claims, later.message.conversationId),
    );
    expect(conversation.lastMessage).toMatchObject({ id: later.message.id, preview: 'later' });
    expect(await changeTypesSince(core, bob, before)).toEqual(['message_edited']);
  });

  it('records an edit once in the change feed, and the last message’s new preview once', async () => {
    const core = buildCore();
    const { alice, bob, id } = await aliceWroteToBob(core);
    const before = right(await core.useCases.syncChanges.execute(bob.claims, {})).nextCursor;
    const [last] = right(await core.useCases.getConversationHistory.execute(alice.claims, id, {})).messages;
    core.clock.advance(1_000);

    const edited = right(await edit(core, alice, last!.id, 'hello'));
    const page = right(await core.useCases.syncChanges.execute(bob.claims, { since: before }));
    expect(page.changes.map((change) => [change.type, change.cursor])).toEqual([
      ['message_edited', edited.cursor],
      ['conversation_updated', anyCursor],
    ]);
    expect(page.changes[1]!.data).toMatchObject({ conversation: { lastMessage: { preview: 'hello' } } });
  });

  it('changes nothing when the content is already this: a null cursor, no event, nothing recorded', async () => {
    const core = buildCore();
    const { alice, bob, messageId } = await aliceSentBob(core, 'just so');
    const before = right(await core.useCases.syncChanges.execute(bob.claims, {})).nextCursor;
    core.clock.advance(1_000);

    const same = right(await edit(core, alice, messageId, 'just so'));
    expect(same).toEqual({ message: expect.objectContaining({ content: 'just so', editedAt: null }), cursor: null });
    expect(core.notifier.eventsFor(bob.user.id, 'message_edited')).toEqual([]);
    expect(core.notifier.eventsFor(alice.user.id, 'message_edited')).toEqual([]);
    expect(await changeTypesSince(core, bob, before)).toEqual([]);
  });

  it('allows edits for MESSAGE_EDIT_WINDOW_SECONDS after sending, and refuses them after (Forbidden)', async () => {
    const core = buildCore({ MESSAGE_EDIT_WINDOW_SECONDS: '60' });
    const { alice, bob, messageId } = await aliceSentBob(core, 'v1');

    core.clock.advance(60_000);
    right(await edit(core, alice, messageId, 'v2'));
    core.clock.advance(1);
    expect(left(await edit(core, alice, messageId, 'v3'))).toMatchObject({
      _tag: 'Forbidden',
      message: expect.stringContaining('60 seconds'),
    });
    expect(await contentOf(core, messageId)).toBe('v2');
  });

  it('has no edit window when MESSAGE_EDIT_WINDOW_SECONDS is 0', async () => {
    const core = buildCore({ MESSAGE_EDIT_WINDOW_SECONDS: '0' });
    const { alice, bob, messageId } = await aliceSentBob(core, 'old news');
    core.clock.advance(400 * 86_400_000);
    expect(right(await edit(core, alice, messageId, 'still mine')).message.content).toBe('still mine');
  });

  it('refuses to edit a deleted message (Conflict), keeping it deleted and saying nothing', async () => {
    const core = buildCore();
    const { alice, bob, messageId } = await aliceSentBob(core, 'gone soon');
    right(await core.useCases.deleteMessage.execute(alice.claims, messageId));

    expect(left(await edit(core, alice, messageId, 'back again'))._tag).toBe('Conflict');
    const stored = await core.infrastructure.messages.findById(messageId);
    expect(stored).toMatchObject({ content: '', editedAt: null, deletedAt: expect.any(Date) });
    expect(core.notifier.eventsFor(bob.user.id, 'message_edited')).toEqual([]);
  });

  it('refuses to edit an automated message, even its sender’s (Forbidden)', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const item = manualAutoMessage({
      id: 'd00000000000000000000001',
      senderId: alice.user.id,
      receiverId: bob.user.id,
      content: 'good morning',
      sendAt: core.clock.now(),
    });
    await core.infrastructure.autoMessages.insertMany([item]);
    await core.useCases.deliverQueuedMessage.execute({ autoMessageId: item.id }, { attempt: 1, maxAttempts: 1 });
    const auto = await core.infrastructure.messages.findByAutoMessageId(item.id);
    expect(auto?.messageType).toBe('auto');

    expect(left(await edit(core, alice, auto!.id, 'good evening'))._tag).toBe('Forbidden');
    expect(await contentOf(core, auto!.id)).toBe('good morning');
  });
});
