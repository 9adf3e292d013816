import { describe, expect, it } from 'vitest';
import { addUsers, manualAutoMessage } from '../../../support/auto-message-fixtures.js';
import { eventually } from '../../../support/eventually.js';
import { autoCore, HOUR, plannedItems, startWorker } from '../support.js';

describe('delivering a queued item', () => {
  it('turns a queue message delivered twice into one message', async () => {
    const core = autoCore();
    await addUsers(core, 2);
    await core.useCases.planAutoMessages.execute();
    core.clock.advance(24 * HOUR);
    const [item] = await plannedItems(core);
    if (!item) throw new Error('no item planned');
    const first = await core.useCases.deliverQueuedMessage.execute(
      { autoMessageId: item.id },
      { attempt: 1, maxAttempts: 3 },
    );
    const second = await core.useCases.deliverQueuedMessage.execute(
      { autoMessageId: item.id },
      { attempt: 1, maxAttempts: 3 },
    );
    expect([first, second]).toEqual(['delivered', 'already-delivered']);
    const history = await core.infrastructure.messages.history(
      (await core.infrastructure.messages.findByAutoMessageId(item.id))!.conversationId,
      { limit: 10 },
    );
    expect(history.messages).toHaveLength(1);
  });

  it('finishes an item whose message was stored before a crash, without a second message', async () => {
    const core = autoCore();
    await addUsers(core, 2);
    await core.useCases.planAutoMessages.execute();
    const [item] = await plannedItems(core);
    if (!item) throw new Error('no item planned');
    core.clock.set(item.sendAt);
    // The consumer stored the message, then died before marking the item or acknowledging.
    const conversation = await core.infrastructure.conversations.findOrCreate(
      item.senderId,
      item.receiverId,
      'c00000000000000000000001',
      core.clock.now(),
    );
    await core.infrastructure.messages.insert({
      id: 'f00000000000000000000001',
      conversationId: conversation.id,
      senderId: item.senderId,
      receiverId: item.receiverId,
      content: item.content,
      messageType: 'auto',
      clientMessageId: null,
      autoMessageId: item.id,
      createdAt: core.clock.now(),
      deliveredAt: null,
      readAt: null,
      deletedAt: null,
      editedAt: null,
    });
    const outcome = await core.useCases.deliverQueuedMessage.execute(
      { autoMessageId: item.id },
      { attempt: 2, maxAttempts: 3 },
    );
    expect(outcome).toBe('already-delivered');
    expect((await core.infrastructure.autoMessages.findById(item.id))?.status).toBe('sent');
    expect((await core.infrastructure.messages.history(conversation.id, { limit: 10 })).messages).toHaveLength(1);
  });

  it('dead-letters a poison item after the last attempt, with its retry count and error', async () => {
    const core = autoCore();
    const [sender] = await addUsers(core, 1);
    await core.infrastructure.autoMessages.insertMany([
      manualAutoMessage({
        id: 'd00000000000000000000001',
        senderId: sender!,
        receiverId: 'e00000000000000000000404',
        content: 'to nobody',
        sendAt: core.clock.now(),
      }),
    ]);
    await startWorker(core);
    expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(1);
    await eventually(async () => expect((await core.infrastructure.autoMessages.countByStatus()).dead).toBe(1));
    expect(await core.infrastructure.autoMessages.findById('d00000000000000000000001')).toMatchObject({
      status: 'dead',
      retryCount: 3,
      lastError: 'sender or receiver no longer exists',
    });
    await eventually(async () => expect((await core.infrastructure.queue.deadLetters()).length).toBe(1));
    expect(await core.infrastructure.queue.deadLetters()).toEqual([{ autoMessageId: 'd00000000000000000000001' }]);
    const metrics = await core.metrics.render();
    expect(metrics).toContain('chat_auto_messages_dead_lettered_total 1');
    expect(metrics).toContain('chat_auto_messages_retried_total 2');
    core.clock.advance(24 * HOUR);
    expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(0);
  });

  it('delivers nothing from a sender the receiver blocks: the item ends dead, saying why', async () => {
    const core = autoCore();
    await addUsers(core, 2);
    await core.useCases.planAutoMessages.execute();
    const [item] = await plannedItems(core);
    if (!item) throw new Error('no item planned');
    await core.infrastructure.blocks.block(item.receiverId, item.senderId, core.clock.now());
    core.clock.set(item.sendAt);
    const outcome = await core.useCases.deliverQueuedMessage.execute(
      { autoMessageId: item.id },
      { attempt: 1, maxAttempts: 3 },
    );
    expect(outcome).toBe('skipped');
    expect(await core.infrastructure.messages.findByAutoMessageId(item.id)).toBeNull();
    expect(await core.infrastructure.autoMessages.findById(item.id)).toMatchObject({
      status: 'dead',
      lastError: 'the receiver blocks the sender',
    });
    expect(core.notifier.eventsFor(item.receiverId, 'message_received')).toEqual([]);
  });
});
