import { afterEach, describe, expect, it } from 'vitest';
import type { AutoMessage } from '../../../src/domain/auto-message.js';
import { normaliseUsername } from '../../../src/domain/user.js';
import type { Core } from '../../support/build-core.js';
import { buildCore } from '../../support/build-core.js';

const HOUR = 60 * 60 * 1000;
const PLAN_TIME = '2026-11-24T02:00:00.000Z';

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.infrastructure.queue.close()));
});

const newCore = (env: Record<string, string> = {}) => {
  const core = buildCore({ AUTO_RETRY_BASE_MS: '10', AUTO_MAX_ATTEMPTS: '3', AUTO_LEASE_MS: '600000', ...env });
  core.clock.set(PLAN_TIME);
  cores.push(core);
  return core;
};

const addUsers = async (core: Core, count: number, isActive = true): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `${isActive ? 'a' : 'b'}${String(i).padStart(23, '0')}`;
    const username = `${isActive ? 'active' : 'inactive'}_${i}`;
    const now = core.clock.now();
    await core.infrastructure.users.insert({
      id,
      username,
      usernameLower: normaliseUsername(username),
      email: `${username}@example.com`,
      passwordHash: 'unused',
      isActive,
      lastSeen: null,
      createdAt: now,
      updatedAt: now,
    });
    ids.push(id);
  }
  return ids;
};

const startWorker = (core: Core) =>
  core.infrastructure.queue.consume(async (message, attempt) => {
    await core.useCases.deliverQueuedMessage.execute(message, attempt);
  });

const plannedItems = (core: Core): Promise<AutoMessage[]> =>
  core.infrastructure.autoMessages.listByPlanDay('2026-11-24');

const waitFor = async (condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('the automated message pipeline on a simulated day', () => {
  it('plans pairs of active users, sends nothing early, and delivers every item exactly once after its time', async () => {
    const core = newCore();
    const active = await addUsers(core, 7);
    await addUsers(core, 3, false);

    const plan = await core.useCases.planAutoMessages.execute();
    expect(plan).toMatchObject({ day: '2026-11-24', pairs: 3, planned: 3 });
    const items = await plannedItems(core);
    expect(items).toHaveLength(3);
    const paired = items.flatMap((i) => [i.senderId, i.receiverId]);
    expect(new Set(paired).size).toBe(6);
    for (const id of paired) expect(active).toContain(id);
    for (const item of items) {
      expect(item.sendAt.getTime()).toBeGreaterThanOrEqual(Date.parse(PLAN_TIME));
      expect(item.sendAt.getTime()).toBeLessThan(Date.parse(PLAN_TIME) + 24 * HOUR);
    }

    expect(await core.useCases.planAutoMessages.execute()).toMatchObject({ pairs: 3, planned: 0 });
    core.clock.advance(5 * HOUR);
    expect(await core.useCases.planAutoMessages.execute()).toMatchObject({ planned: 0 });
    core.clock.set(PLAN_TIME);

    await startWorker(core);
    const bySendAt = [...items].sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
    for (const [index, item] of bySendAt.entries()) {
      core.clock.set(new Date(item.sendAt.getTime() - 1));
      expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(0);
      expect((await core.infrastructure.messages.findByAutoMessageId(item.id))?.id).toBeUndefined();

      core.clock.set(item.sendAt);
      expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(1);
      await waitFor(async () => (await core.infrastructure.autoMessages.countByStatus()).sent === index + 1);
    }

    for (const item of await plannedItems(core)) {
      expect(item.status).toBe('sent');
      const message = await core.infrastructure.messages.findByAutoMessageId(item.id);
      expect(message).toMatchObject({ id: item.messageId, messageType: 'auto', content: item.content });
      expect(core.notifier.eventsFor(item.receiverId, 'message_received').map((e) => e.message.id)).toContain(
        message?.id,
      );
      expect(core.notifier.eventsFor(item.senderId, 'message_sent').map((e) => e.message.id)).toContain(message?.id);
      // No socket's ack carried an auto message: every socket of the sender gets it.
      for (const exclusions of core.notifier.exclusionsFor(item.senderId, 'message_sent'))
        expect(exclusions).toEqual({});
    }
    core.clock.advance(24 * HOUR);
    expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(0);
    const text = await core.metrics.render();
    expect(text).toContain('chat_auto_messages_planned_total 3');
    expect(text).toContain('chat_auto_messages_sent_total 3');
  });

  it('leaves the odd user out and plans nothing with fewer than two active users', async () => {
    const core = newCore();
    await addUsers(core, 1);
    expect(await core.useCases.planAutoMessages.execute()).toMatchObject({ pairs: 0, planned: 0 });
  });

  it('turns a queue message delivered twice into one message', async () => {
    const core = newCore();
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
    const core = newCore();
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

  it('lets two schedulers enqueue at once without queueing an item twice', async () => {
    const core = newCore();
    await addUsers(core, 40);
    await core.useCases.planAutoMessages.execute();
    core.clock.advance(24 * HOUR);
    const [a, b] = await Promise.all([
      core.useCases.enqueueDueAutoMessages.execute(),
      core.useCases.enqueueDueAutoMessages.execute(),
    ]);
    expect(a.queued + b.queued).toBe(20);
    await startWorker(core);
    await waitFor(async () => (await core.infrastructure.autoMessages.countByStatus()).sent === 20);
    expect(
      (await core.infrastructure.messages.countUnreadByConversation((await plannedItems(core))[0]!.receiverId)).size,
    ).toBe(1);
  });

  it('queues an item again when its lease runs out undelivered', async () => {
    const core = newCore({ AUTO_LEASE_MS: '60000' });
    await addUsers(core, 2);
    await core.useCases.planAutoMessages.execute();
    core.clock.advance(24 * HOUR);
    expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(1);
    expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(0);
    core.clock.advance(60_001);
    expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(1);
    await startWorker(core);
    await waitFor(async () => (await core.infrastructure.autoMessages.countByStatus()).sent === 1);
    const [item] = await plannedItems(core);
    const history = await core.infrastructure.messages.history(
      (await core.infrastructure.messages.findByAutoMessageId(item!.id))!.conversationId,
      { limit: 10 },
    );
    expect(history.messages).toHaveLength(1);
  });

  it('dead-letters a poison item after the last attempt, with its retry count and error', async () => {
    const core = newCore();
    const [sender] = await addUsers(core, 1);
    const now = core.clock.now();
    await core.infrastructure.autoMessages.insertMany([
      {
        id: 'd00000000000000000000001',
        planKey: 'manual#0',
        planDay: 'manual',
        senderId: sender!,
        receiverId: 'e00000000000000000000404',
        content: 'to nobody',
        sendAt: now,
        status: 'planned',
        leaseUntil: null,
        retryCount: 0,
        lastError: null,
        messageId: null,
        createdAt: now,
        queuedAt: null,
        sentAt: null,
      },
    ]);
    await startWorker(core);
    expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(1);
    await waitFor(async () => (await core.infrastructure.autoMessages.countByStatus()).dead === 1);
    expect(await core.infrastructure.autoMessages.findById('d00000000000000000000001')).toMatchObject({
      status: 'dead',
      retryCount: 3,
      lastError: 'sender or receiver no longer exists',
    });
    await waitFor(async () => (await core.infrastructure.queue.deadLetters()).length === 1);
    expect(await core.infrastructure.queue.deadLetters()).toEqual([{ autoMessageId: 'd00000000000000000000001' }]);
    const metrics = await core.metrics.render();
    expect(metrics).toContain('chat_auto_messages_dead_lettered_total 1');
    expect(metrics).toContain('chat_auto_messages_retried_total 2');
    core.clock.advance(24 * HOUR);
    expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(0);
  });
});
