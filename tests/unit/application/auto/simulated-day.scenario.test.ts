import { describe, expect, it } from 'vitest';
import { addUsers } from '../../../support/auto-message-fixtures.js';
import { eventually } from '../../../support/eventually.js';
import { autoCore, HOUR, PLAN_TIME, plannedItems, startWorker } from '../support.js';

describe('the automated message pipeline on a simulated day', () => {
  it('plans pairs of active users, sends nothing early, and delivers every item exactly once after its time', async () => {
    const core = autoCore();
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
      await eventually(async () =>
        expect((await core.infrastructure.autoMessages.countByStatus()).sent).toBe(index + 1),
      );
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
});
