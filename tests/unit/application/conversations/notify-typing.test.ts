import { describe, expect, it } from 'vitest';
import { buildCore, right } from '../../../support/build-core.js';
import { aliceWroteToBob } from '../support.js';

describe('telling about typing', () => {
  it('tells the other participant, not the one typing', async () => {
    const core = buildCore();
    const { alice, bob, id } = await aliceWroteToBob(core);

    right(await core.useCases.notifyTyping.execute(alice.claims, id, true));
    right(await core.useCases.notifyTyping.execute(alice.claims, id, false));
    expect(core.notifier.eventsFor(bob.user.id, 'user_typing')).toEqual([
      { conversationId: id, userId: alice.user.id, isTyping: true },
      { conversationId: id, userId: alice.user.id, isTyping: false },
    ]);
    expect(core.notifier.eventsFor(alice.user.id, 'user_typing')).toEqual([]);
  });
});
