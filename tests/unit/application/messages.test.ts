import { describe, expect, it } from 'vitest';
import { buildCore, left, right, type Core } from '../../support/build-core.js';

const anyCursor = expect.stringMatching(/^[0-9a-f]{24}:\d+$/);

/** Lets fire-and-forget work (delivery confirmations) finish. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

const UNKNOWN_ID = 'f'.repeat(24);

const threeUsers = async (core: Core) => ({
  alice: await core.register('alice'),
  bob: await core.register('bob'),
  carol: await core.register('carol'),
});

type Registered = Awaited<ReturnType<Core['register']>>;

const send = async (core: Core, from: Registered, to: Registered, content: string, clientMessageId?: string) =>
  right(
    await core.useCases.sendMessage.execute(from.claims, {
      receiverId: to.user.id,
      content,
      ...(clientMessageId ? { clientMessageId } : {}),
    }),
  );

describe('sending a message', () => {
  it('stores a trimmed message to a receiver and creates their conversation', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const sent = await send(core, alice, bob, '  hello bob \n');

    expect(sent.created).toBe(true);
    expect(sent.message).toMatchObject({
      senderId: alice.user.id,
      receiverId: bob.user.id,
      content: 'hello bob',
      messageType: 'text',
      isDeleted: false,
      readAt: null,
      deliveredAt: null,
    });
    const stored = await core.infrastructure.messages.findById(sent.message.id);
    expect(stored?.content).toBe('hello bob');
    const conversation = await core.infrastructure.conversations.findByParticipants(alice.user.id, bob.user.id);
    expect(conversation?.id).toBe(sent.message.conversationId);
    expect(sent.conversation.lastMessage).toMatchObject({ id: sent.message.id, preview: 'hello bob' });
  });

  it('sends into a conversation by its id, to the other participant', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const first = await send(core, alice, bob, 'hi');
    const reply = right(
      await core.useCases.sendMessage.execute(bob.claims, {
        conversationId: first.message.conversationId,
        content: 'hey',
      }),
    );
    expect(reply.message).toMatchObject({
      conversationId: first.message.conversationId,
      senderId: bob.user.id,
      receiverId: alice.user.id,
    });
  });

  it('accepts exactly 1000 characters after trimming', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const sent = await send(core, alice, bob, `  ${'x'.repeat(1000)}  `);
    expect(sent.message.content).toHaveLength(1000);
  });

  it.each([
    ['blank content', (to: string) => ({ receiverId: to, content: '   \n\t ' }), 'content'],
    ['1001 characters', (to: string) => ({ receiverId: to, content: 'x'.repeat(1001) }), 'content'],
    ['non-string content', (to: string) => ({ receiverId: to, content: 42 }), 'content'],
    ['missing content', (to: string) => ({ receiverId: to }), 'content'],
    ['an operator object as content', (to: string) => ({ receiverId: to, content: { $gt: '' } }), 'content'],
    ['an invalid receiver id', () => ({ receiverId: 'not-an-id', content: 'hi' }), 'receiverId'],
    ['an operator object as receiver id', () => ({ receiverId: { $ne: null }, content: 'hi' }), 'receiverId'],
    ['an invalid conversation id', () => ({ conversationId: '123', content: 'hi' }), 'conversationId'],
    [
      'an invalid client message id',
      (to: string) => ({ receiverId: to, content: 'hi', clientMessageId: 'a b' }),
      'clientMessageId',
    ],
    ['no target at all', () => ({ content: 'hi' }), 'receiverId'],
    [
      'both targets',
      (to: string) => ({ receiverId: to, conversationId: 'a'.repeat(24), content: 'hi' }),
      'conversationId',
    ],
  ])('refuses %s with a Validation error', async (_name, bodyFor, field) => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const error = left(await core.useCases.sendMessage.execute(alice.claims, bodyFor(bob.user.id)));
    expect(error._tag).toBe('Validation');
    if (error._tag === 'Validation') expect(error.errors.map((e) => e.field)).toContain(field);
    expect(core.notifier.events).toEqual([]);
    expect(right(await core.useCases.listConversations.execute(alice.claims, {})).conversations).toEqual([]);
  });

  it('refuses sending to yourself with a Validation error', async () => {
    const core = buildCore();
    const { alice } = await threeUsers(core);
    const error = left(
      await core.useCases.sendMessage.execute(alice.claims, { receiverId: alice.user.id, content: 'me' }),
    );
    expect(error).toMatchObject({ _tag: 'Validation', errors: [{ field: 'receiverId' }] });
    expect(await core.infrastructure.conversations.findByParticipants(alice.user.id, alice.user.id)).toBeNull();
  });

  it('answers NotFound for an unknown receiver, storing nothing', async () => {
    const core = buildCore();
    const { alice } = await threeUsers(core);
    const error = left(
      await core.useCases.sendMessage.execute(alice.claims, { receiverId: UNKNOWN_ID, content: 'hi' }),
    );
    expect(error._tag).toBe('NotFound');
    expect(await core.infrastructure.conversations.findByParticipants(alice.user.id, UNKNOWN_ID)).toBeNull();
    expect(core.notifier.events).toEqual([]);
  });

  it('answers NotFound for a conversation the sender is not in (or that does not exist)', async () => {
    const core = buildCore();
    const { alice, bob, carol } = await threeUsers(core);
    const theirs = await send(core, alice, bob, 'private');
    core.notifier.clear();

    for (const conversationId of [theirs.message.conversationId, UNKNOWN_ID]) {
      const error = left(await core.useCases.sendMessage.execute(carol.claims, { conversationId, content: 'intrude' }));
      expect(error._tag).toBe('NotFound');
    }
    const history = right(
      await core.useCases.getConversationHistory.execute(alice.claims, theirs.message.conversationId, {}),
    );
    expect(history.messages).toHaveLength(1);
    expect(core.notifier.events).toEqual([]);
  });

  it('stores one message for a repeated clientMessageId and returns the original', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const first = await send(core, alice, bob, 'once', 'retry-1');
    const again = await send(core, alice, bob, 'once', 'retry-1');

    expect(again.created).toBe(false);
    expect(again.message.id).toBe(first.message.id);
    const history = right(
      await core.useCases.getConversationHistory.execute(bob.claims, first.message.conversationId, {}),
    );
    expect(history.messages.map((m) => m.id)).toEqual([first.message.id]);
    // Announced again on the retry (the first run may have died before announcing); receivers dedupe by id.
    const received = core.notifier.eventsFor(bob.user.id, 'message_received');
    expect(received.map((event) => event.message.id)).toEqual([first.message.id, first.message.id]);
    expect(right(await core.useCases.getUnreadCount.execute(bob.claims)).unreadCount).toBe(1);
  });

  it('announces a message that was stored by a run that died before announcing, when the sender retries', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const conversation = await core.infrastructure.conversations.findOrCreate(
      alice.user.id,
      bob.user.id,
      'c'.repeat(24),
      core.clock.now(),
    );
    const storedByDeadRun = await core.infrastructure.messages.insert({
      id: 'd'.repeat(24),
      conversationId: conversation.id,
      senderId: alice.user.id,
      receiverId: bob.user.id,
      content: 'stored, never announced',
      messageType: 'text',
      clientMessageId: 'crash-1',
      autoMessageId: null,
      createdAt: core.clock.now(),
      deliveredAt: null,
      readAt: null,
      deletedAt: null,
      editedAt: null,
    });
    expect(core.notifier.eventsFor(bob.user.id, 'message_received')).toEqual([]);

    const retried = await send(core, alice, bob, 'stored, never announced', 'crash-1');
    expect(retried).toMatchObject({ created: false, message: { id: 'd'.repeat(24), seq: 1 } });
    expect(storedByDeadRun).toMatchObject({ seq: 1 });
    expect(core.notifier.eventsFor(bob.user.id, 'message_received').map((event) => event.message.id)).toEqual([
      'd'.repeat(24),
    ]);
    expect(core.notifier.eventsFor(alice.user.id, 'message_sent')).toHaveLength(1);
  });

  it('stores one message when the same clientMessageId is sent twice at once', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const [a, b] = await Promise.all([
      send(core, alice, bob, 'race', 'race-1'),
      send(core, alice, bob, 'race', 'race-1'),
    ]);
    expect(a.message.id).toBe(b.message.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const received = core.notifier.eventsFor(bob.user.id, 'message_received');
    expect(new Set(received.map((event) => event.message.id))).toEqual(new Set([a.message.id]));
  });

  it('lets different senders reuse a clientMessageId', async () => {
    const core = buildCore();
    const { alice, bob, carol } = await threeUsers(core);
    const fromAlice = await send(core, alice, carol, 'from alice', 'same-key');
    const fromBob = await send(core, bob, carol, 'from bob', 'same-key');
    expect(fromBob.created).toBe(true);
    expect(fromBob.message.id).not.toBe(fromAlice.message.id);
    expect(fromBob.message.content).toBe('from bob');
  });

  it('tells the receiver (message and notification) and confirms to the sender', async () => {
    const core = buildCore();
    const { alice, bob, carol } = await threeUsers(core);
    const sent = await send(core, alice, bob, `  ${'long '.repeat(40)} `);

    const [received] = core.notifier.eventsFor(bob.user.id, 'message_received');
    expect(received).toEqual({ message: sent.message, conversation: sent.conversation, cursor: sent.cursor });
    const notifications = core.notifier.eventsFor(bob.user.id, 'new_message_notification');
    expect(notifications).toEqual([
      {
        conversationId: sent.message.conversationId,
        senderId: alice.user.id,
        senderUsername: 'alice',
        preview: expect.any(String),
      },
    ]);
    expect(notifications[0]!.preview.length).toBeLessThanOrEqual(100);
    expect(sent.message.content.startsWith(notifications[0]!.preview.slice(0, -1))).toBe(true);
    expect(core.notifier.eventsFor(alice.user.id, 'message_sent')).toEqual([
      { message: sent.message, conversation: sent.conversation, cursor: sent.cursor },
    ]);
    expect(core.notifier.eventsFor(alice.user.id, 'message_received')).toEqual([]);
    expect(core.notifier.events.filter((e) => e.userId === carol.user.id)).toEqual([]);
  });

  it('spares the viewers of the conversation the notification, and the answered connection its message_sent', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const viaRest = await send(core, alice, bob, 'no connection answered');
    const viaSocket = right(
      await core.useCases.sendMessage.execute(alice.claims, { receiverId: bob.user.id, content: 'hi' }, 'socket-1'),
    );
    const retried = right(
      await core.useCases.sendMessage.execute(
        alice.claims,
        { receiverId: bob.user.id, content: 'again', clientMessageId: 'k-1' },
        'socket-2',
      ),
    );
    const retriedAgain = right(
      await core.useCases.sendMessage.execute(
        alice.claims,
        { receiverId: bob.user.id, content: 'again', clientMessageId: 'k-1' },
        'socket-3',
      ),
    );
    expect(retriedAgain.message.id).toBe(retried.message.id);

    const conversationId = viaRest.conversation.id;
    expect(core.notifier.exclusionsFor(bob.user.id, 'new_message_notification')).toEqual(
      Array.from({ length: 4 }, () => ({ exceptViewersOf: conversationId })),
    );
    expect(core.notifier.exclusionsFor(bob.user.id, 'message_received')).toEqual([{}, {}, {}, {}]);
    expect(core.notifier.exclusionsFor(alice.user.id, 'message_sent')).toEqual([
      {},
      { exceptConnection: 'socket-1' },
      { exceptConnection: 'socket-2' },
      { exceptConnection: 'socket-3' },
    ]);
    expect(core.notifier.eventsFor(alice.user.id, 'message_sent').map((p) => p.message.id)).toEqual([
      viaRest.message.id,
      viaSocket.message.id,
      retried.message.id,
      retried.message.id,
    ]);
  });

  it('records delivery when the receiver acknowledges, telling the sender once', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const sent = await send(core, alice, bob, 'are you there?');
    core.clock.advance(5_000);
    const deliveredAt = core.clock.now().toISOString();

    core.notifier.acknowledgeAll(alice.user.id);
    await settle();
    expect((await core.infrastructure.messages.findById(sent.message.id))?.deliveredAt).toBeNull();

    core.notifier.acknowledgeAll(bob.user.id);
    await settle();
    core.notifier.acknowledgeAll(bob.user.id);
    await settle();

    expect((await core.infrastructure.messages.findById(sent.message.id))?.deliveredAt?.toISOString()).toBe(
      deliveredAt,
    );
    expect(core.notifier.eventsFor(alice.user.id, 'message_delivered')).toEqual([
      {
        messageId: sent.message.id,
        conversationId: sent.message.conversationId,
        deliveredAt,
        userId: bob.user.id,
        cursor: anyCursor,
      },
    ]);
  });

  it('confirms delivery only once when the same message is acknowledged again after a retry', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const sent = await send(core, alice, bob, 'hi', 'key-1');
    core.notifier.acknowledgeAll(bob.user.id);
    await settle();
    await send(core, alice, bob, 'hi', 'key-1');
    core.notifier.acknowledgeAll(bob.user.id);
    await settle();
    expect(core.notifier.eventsFor(alice.user.id, 'message_delivered')).toHaveLength(1);
    expect(core.notifier.eventsFor(alice.user.id, 'message_delivered')[0]?.messageId).toBe(sent.message.id);
  });
});

describe('marking a message read', () => {
  it('lets only the receiver mark: the sender gets Forbidden, a third user NotFound', async () => {
    const core = buildCore();
    const { alice, bob, carol } = await threeUsers(core);
    const sent = await send(core, alice, bob, 'read me');

    expect(left(await core.useCases.markMessageRead.execute(alice.claims, sent.message.id))._tag).toBe('Forbidden');
    expect(left(await core.useCases.markMessageRead.execute(carol.claims, sent.message.id))._tag).toBe('NotFound');
    expect(left(await core.useCases.markMessageRead.execute(bob.claims, UNKNOWN_ID))._tag).toBe('NotFound');
    expect(left(await core.useCases.markMessageRead.execute(bob.claims, 'bad-id'))._tag).toBe('Validation');
    expect((await core.infrastructure.messages.findById(sent.message.id))?.readAt).toBeNull();
    expect(core.notifier.eventsFor(alice.user.id, 'message_read')).toEqual([]);
  });

  it('is idempotent: the first readAt stays and the sender hears once', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const sent = await send(core, alice, bob, 'read me');
    core.clock.advance(1_000);
    const readAt = core.clock.now().toISOString();

    const first = right(await core.useCases.markMessageRead.execute(bob.claims, sent.message.id));
    core.clock.advance(60_000);
    const second = right(await core.useCases.markMessageRead.execute(bob.claims, sent.message.id));

    expect(first.message.readAt).toBe(readAt);
    expect(second.message.readAt).toBe(readAt);
    expect((await core.infrastructure.messages.findById(sent.message.id))?.readAt?.toISOString()).toBe(readAt);
    expect(core.notifier.eventsFor(alice.user.id, 'message_read')).toEqual([
      {
        messageId: sent.message.id,
        conversationId: sent.message.conversationId,
        readerId: bob.user.id,
        readAt,
        cursor: anyCursor,
      },
    ]);
  });
});

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
