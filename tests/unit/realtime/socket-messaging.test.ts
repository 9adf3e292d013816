import { afterEach, describe, expect, it } from 'vitest';
import { REFUSALS_BEFORE_DISCONNECT } from '../../../src/adapters/realtime/socket-event-runner.js';
import { conversationRoom } from '../../../src/adapters/realtime/rooms.js';
import { buildSystem, type ChatClient, type TestSystem } from './build-system.js';
import { collect, eventually, nextEvent, sleep } from './client-events.js';

describe('socket messaging', () => {
  let system: TestSystem;
  afterEach(async () => {
    await system.close();
  });

  const pair = async (options: Parameters<typeof buildSystem>[0] = {}) => {
    system = await buildSystem(options);
    const alice = await system.register('alice');
    const bob = await system.register('bob');
    return { alice, bob, aliceClient: await system.connect(alice), bobClient: await system.connect(bob) };
  };

  /** Bob's client acknowledges every message it receives, as a real client does. */
  const acknowledgeReceipts = (client: ChatClient) =>
    client.on('message_received', (_payload, ack) => ack?.({ received: true }));

  it('stores a message sent over the socket, acks it to the sender and tells both sides', async () => {
    const { alice, bob, aliceClient, bobClient } = await pair();
    const aliceOtherTab = await system.connect(alice);
    const sentHere = collect(aliceClient, 'message_sent');
    const received = nextEvent(bobClient, 'message_received');
    const notification = nextEvent(bobClient, 'new_message_notification');
    const sent = nextEvent(aliceOtherTab, 'message_sent');

    const ack = await aliceClient.emitWithAck('send_message', { receiverId: bob.id, content: '  hello bob  ' });

    if (!ack.ok) throw new Error(`send failed: ${ack.error.code}`);
    expect(ack.message).toMatchObject({ senderId: alice.id, receiverId: bob.id, content: 'hello bob' });
    expect(ack.conversation.participants).toEqual([alice.id, bob.id].sort());
    const stored = await system.messages.findById(ack.message.id);
    expect(stored?.content).toBe('hello bob');
    expect((await received).message).toEqual(ack.message);
    expect(await notification).toEqual({
      conversationId: ack.conversation.id,
      senderId: alice.id,
      senderUsername: 'alice',
      preview: 'hello bob',
    });
    expect((await sent).message.id).toBe(ack.message.id);
    // The ack carried the message: the sending socket gets no message_sent (it would have come before this).
    const confirmed = nextEvent(aliceClient, 'message_delivered');
    bobClient.on('message_received', (_payload, acknowledge) => acknowledge?.({ received: true }));
    const second = await aliceClient.emitWithAck('send_message', { receiverId: bob.id, content: 'and again' });
    if (!second.ok) throw new Error(`send failed: ${second.error.code}`);
    expect((await confirmed).messageId).toBe(second.message.id);
    expect(sentHere).toEqual([]);
  });

  it('sends message_sent to the sending socket too when it gave no ack callback', async () => {
    const { bob, aliceClient } = await pair();
    const sent = nextEvent(aliceClient, 'message_sent');

    aliceClient.emit('send_message', { receiverId: bob.id, content: 'no callback' });

    expect((await sent).message).toMatchObject({ content: 'no callback', receiverId: bob.id });
  });

  it('spares the receiver sockets viewing the conversation the notification, until they leave it', async () => {
    const { alice, bob, aliceClient, bobClient } = await pair();
    const conversation = await system.conversationOf(alice, bob);
    const viewing = await system.connect(bob);
    const viewingNotifications = collect(viewing, 'new_message_notification');
    const viewingReceived = collect(viewing, 'message_received');
    const joined = await viewing.emitWithAck('join_room', { conversationId: conversation.id });
    expect(joined).toEqual({ ok: true, conversationId: conversation.id });
    const send = async (content: string) => {
      const ack = await aliceClient.emitWithAck('send_message', { conversationId: conversation.id, content });
      if (!ack.ok) throw new Error(`send failed: ${ack.error.code}`);
    };

    const notified = nextEvent(bobClient, 'new_message_notification');
    await send('while viewing');
    expect((await notified).preview).toBe('while viewing');
    // Events to one socket keep their order: a notification for the first would arrive before the second message.
    await send('barrier');
    await eventually(() => viewingReceived.length === 2);
    expect(viewingNotifications.filter((n) => n.preview === 'while viewing')).toEqual([]);

    expect(await viewing.emitWithAck('leave_room', { conversationId: conversation.id })).toMatchObject({ ok: true });
    const notifiedAgain = nextEvent(viewing, 'new_message_notification');
    await send('after leaving');
    expect((await notifiedAgain).preview).toBe('after leaving');
  });

  it("turns the receiver's acknowledgement of message_received into message_delivered for the sender", async () => {
    const { bob, aliceClient, bobClient } = await pair();
    acknowledgeReceipts(bobClient);
    const delivered = nextEvent(aliceClient, 'message_delivered');

    const ack = await aliceClient.emitWithAck('send_message', { receiverId: bob.id, content: 'ping' });

    if (!ack.ok) throw new Error(ack.error.code);
    const confirmation = await delivered;
    expect(confirmation).toMatchObject({ messageId: ack.message.id, conversationId: ack.conversation.id });
    expect((await system.messages.findById(ack.message.id))?.deliveredAt?.toISOString()).toBe(confirmation.deliveredAt);
  });

  it('confirms no delivery when no receiver socket acknowledges in time', async () => {
    const { bob, aliceClient, bobClient } = await pair({ receiptTimeoutMs: 200 });
    bobClient.on('message_received', () => undefined);
    const delivered = collect(aliceClient, 'message_delivered');

    const ack = await aliceClient.emitWithAck('send_message', { receiverId: bob.id, content: 'ping' });

    if (!ack.ok) throw new Error(ack.error.code);
    await sleep(400);
    expect(delivered).toEqual([]);
    expect((await system.messages.findById(ack.message.id))?.deliveredAt).toBeNull();
  });

  it('sends into a conversation by id and returns the original message for a repeated clientMessageId', async () => {
    const { alice, bob, aliceClient } = await pair();
    const conversation = await system.conversationOf(alice, bob);
    const payload = { conversationId: conversation.id, content: 'once', clientMessageId: 'c-1' };

    const first = await aliceClient.emitWithAck('send_message', payload);
    const again = await aliceClient.emitWithAck('send_message', payload);

    if (!first.ok || !again.ok) throw new Error('send failed');
    expect(again.message.id).toBe(first.message.id);
    expect((await system.messages.history(conversation.id, { limit: 10 })).messages).toHaveLength(1);
  });

  it('marks a message read for its receiver and tells the sender', async () => {
    const { bob, aliceClient, bobClient } = await pair();
    const sent = await aliceClient.emitWithAck('send_message', { receiverId: bob.id, content: 'read me' });
    if (!sent.ok) throw new Error(sent.error.code);
    const receipt = nextEvent(aliceClient, 'message_read');

    const ack = await bobClient.emitWithAck('message_read', { messageId: sent.message.id });

    if (!ack.ok) throw new Error(ack.error.code);
    expect(ack.message.readAt).not.toBeNull();
    expect(await receipt).toMatchObject({ messageId: sent.message.id, readerId: bob.id, readAt: ack.message.readAt });
    expect((await system.messages.findById(sent.message.id))?.readAt?.toISOString()).toBe(ack.message.readAt);
  });

  it('lets participants join and leave a conversation room, and answers NOT_FOUND to anyone else', async () => {
    const { alice, bob, aliceClient } = await pair();
    const carol = await system.register('carol');
    const carolClient = await system.connect(carol);
    const conversation = await system.conversationOf(alice, bob);
    const roomMembers = async () =>
      (await system.io.in(conversationRoom(conversation.id)).fetchSockets()).map((s) => s.id);

    expect(await carolClient.emitWithAck('join_room', { conversationId: conversation.id })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Conversation not found' },
    });
    expect(await aliceClient.emitWithAck('join_room', { conversationId: conversation.id })).toEqual({
      ok: true,
      conversationId: conversation.id,
    });
    expect(await roomMembers()).toEqual([aliceClient.id]);

    expect(await aliceClient.emitWithAck('leave_room', { conversationId: conversation.id })).toEqual({
      ok: true,
      conversationId: conversation.id,
    });
    expect(await roomMembers()).toEqual([]);
  });

  it('shows typing to the partner and ends it by itself after the typing timeout', async () => {
    // Long enough that the repeated start lands before the first one expires, even on a loaded machine.
    const { alice, bob, aliceClient, bobClient } = await pair({ typingTimeoutMs: 1_000 });
    const conversation = await system.conversationOf(alice, bob);
    const typing = collect(bobClient, 'user_typing');

    const ack = await aliceClient.emitWithAck('typing_start', { conversationId: conversation.id });
    await aliceClient.emitWithAck('typing_start', { conversationId: conversation.id });

    expect(ack).toEqual({ ok: true, conversationId: conversation.id });
    await eventually(() => typing.some((t) => !t.isTyping));
    expect(typing).toEqual([
      { conversationId: conversation.id, userId: alice.id, isTyping: true },
      { conversationId: conversation.id, userId: alice.id, isTyping: false },
    ]);
  });

  it('stops typing on typing_stop, on a sent message and when the socket disconnects', async () => {
    const { alice, bob, aliceClient, bobClient } = await pair();
    const conversation = await system.conversationOf(alice, bob);
    const typing = collect(bobClient, 'user_typing');
    const states = () => typing.map((t) => t.isTyping);

    await aliceClient.emitWithAck('typing_start', { conversationId: conversation.id });
    await aliceClient.emitWithAck('typing_stop', { conversationId: conversation.id });
    await aliceClient.emitWithAck('typing_start', { conversationId: conversation.id });
    await aliceClient.emitWithAck('send_message', { conversationId: conversation.id, content: 'done typing' });
    await aliceClient.emitWithAck('typing_start', { conversationId: conversation.id });
    aliceClient.disconnect();

    await eventually(() => typing.length === 6);
    expect(states()).toEqual([true, false, true, false, true, false]);
  });

  it('answers a failed event without an ack callback with an error event, and survives any payload', async () => {
    const { aliceClient } = await pair();
    const errors = collect(aliceClient, 'error');

    aliceClient.emit('send_message', { content: '' } as never);
    aliceClient.emit('join_room', 42 as never);
    aliceClient.emit('message_read', null as never);
    (aliceClient.emit as (...args: unknown[]) => void)('typing_start');
    (aliceClient.emit as (...args: unknown[]) => void)('leave_room', 'x', ['y']);

    await eventually(() => errors.length === 5);
    expect(errors.every((e) => e.code === 'VALIDATION_FAILED')).toBe(true);
    expect(
      await (aliceClient.emitWithAck as (...args: unknown[]) => Promise<unknown>)('send_message', 'just text'),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(aliceClient.connected).toBe(true);
  });

  it('answers RATE_LIMITED once a user sends more events than the budget of all their sockets', async () => {
    const { alice, bob, aliceClient } = await pair({ eventBudget: { points: 3, durationSeconds: 60 } });
    const conversation = await system.conversationOf(alice, bob);
    const secondTab = await system.connect(alice);

    const acks = [];
    for (const client of [aliceClient, secondTab, aliceClient, secondTab, aliceClient]) {
      acks.push(await client.emitWithAck('join_room', { conversationId: conversation.id }));
    }

    expect(acks.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('drops a socket that keeps sending after its budget ran out, and only that one', async () => {
    const { alice, bob, aliceClient } = await pair({ eventBudget: { points: 2, durationSeconds: 60 } });
    const conversation = await system.conversationOf(alice, bob);
    const bobClient = await system.connect(bob);
    const dropped = new Promise<string>((resolve) => aliceClient.once('disconnect', (reason) => resolve(reason)));

    const acks = await Promise.all(
      Array.from({ length: 2 + REFUSALS_BEFORE_DISCONNECT }, () =>
        aliceClient.emitWithAck('join_room', { conversationId: conversation.id }),
      ),
    );
    expect(acks.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED')).toHaveLength(REFUSALS_BEFORE_DISCONNECT);
    expect(await dropped).toBe('io server disconnect');
    expect(system.logger.lines.find((l) => l.message === 'socket dropped for flooding')).toMatchObject({
      userId: alice.id,
    });
    expect(bobClient.connected).toBe(true);
  });

  it('answers SERVICE_UNAVAILABLE when storage is down, logging the socket and user but never the token', async () => {
    const { alice, bob, aliceClient } = await pair();
    system.messages.failInsertsWith = Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoNetworkError' });

    const ack = await aliceClient.emitWithAck('send_message', { receiverId: bob.id, content: 'lost?' });

    expect(ack).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    const line = system.logger.lines.find((l) => l.message === 'socket event failed');
    expect(line).toMatchObject({ event: 'send_message', socketId: aliceClient.id, userId: alice.id });
    expect(JSON.stringify(system.logger.lines)).not.toContain(alice.accessToken);
  });

  it('answers INTERNAL with a generic message for an unexpected exception', async () => {
    const { bob, aliceClient } = await pair();
    system.messages.failInsertsWith = new Error('secret internal detail');

    const ack = await aliceClient.emitWithAck('send_message', { receiverId: bob.id, content: 'boom' });

    expect(ack).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
  });
});
