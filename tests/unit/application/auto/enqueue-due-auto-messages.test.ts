import { describe, expect, it } from 'vitest';
import { addUsers } from '../../../support/auto-message-fixtures.js';
import { eventually } from '../../../support/eventually.js';
import { autoCore, HOUR, plannedItems, startWorker } from '../support.js';

describe('queueing due items', () => {
  it('lets two schedulers enqueue at once without queueing an item twice', async () => {
    const core = autoCore();
    await addUsers(core, 40);
    await core.useCases.planAutoMessages.execute();
    core.clock.advance(24 * HOUR);
    const [a, b] = await Promise.all([
      core.useCases.enqueueDueAutoMessages.execute(),
      core.useCases.enqueueDueAutoMessages.execute(),
    ]);
    expect(a.queued + b.queued).toBe(20);
    await startWorker(core);
    await eventually(async () => expect((await core.infrastructure.autoMessages.countByStatus()).sent).toBe(20));
    expect(
      (await core.infrastructure.messages.countUnreadByConversation((await plannedItems(core))[0]!.receiverId)).size,
    ).toBe(1);
  });

  it('queues an item again when its lease runs out undelivered', async () => {
    const core = autoCore({ AUTO_LEASE_MS: '60000' });
    await addUsers(core, 2);
    await core.useCases.planAutoMessages.execute();
    core.clock.advance(24 * HOUR);
    expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(1);
    expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(0);
    core.clock.advance(60_001);
    expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(1);
    await startWorker(core);
    await eventually(async () => expect((await core.infrastructure.autoMessages.countByStatus()).sent).toBe(1));
    const [item] = await plannedItems(core);
    const history = await core.infrastructure.messages.history(
      (await core.infrastructure.messages.findByAutoMessageId(item!.id))!.conversationId,
      { limit: 10 },
    );
    expect(history.messages).toHaveLength(1);
  });
});
