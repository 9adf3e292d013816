import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { history, send, threeUsers, UNKNOWN_ID } from '../support.js';

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
});

describe('one conversation per pair', () => {
  it('gives two users one conversation even when both send their first message at once', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const [fromAlice, fromBob] = await Promise.all([
      send(core, alice, bob, 'hi bob'),
      send(core, bob, alice, 'hi alice'),
    ]);

    expect(fromAlice.message.conversationId).toBe(fromBob.message.conversationId);
    for (const viewer of [alice, bob]) {
      const { conversations, pagination } = right(await core.useCases.listConversations.execute(viewer.claims, {}));
      expect(conversations.map((c) => c.id)).toEqual([fromAlice.message.conversationId]);
      expect(pagination.total).toBe(1);
    }
    const messages = await history(core, alice, fromAlice.message.conversationId, {});
    expect(messages.messages).toHaveLength(2);
  });
});
