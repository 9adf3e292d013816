import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { anyCursor, send, threeUsers, UNKNOWN_ID } from '../support.js';

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
