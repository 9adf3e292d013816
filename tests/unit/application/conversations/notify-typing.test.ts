import { describe, expect, it } from 'vitest';
import { buildCore, right } from '../../../support/build-core.js';
import { send } from '../support.js';

describe('telling about typing', () => {
  it('tells the other participant, not the one typing', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const id = (await send(core, alice, bob, 'hi')).message.conversationId;

    right(await core.useCases.notifyTyping.execute(alice.claims, id, true));
    right(await core.useCases.notifyTyping.execute(alice.claims, id, false));
    expect(core.notifier.eventsFor(bob.user.id, 'user_typing')).toEqual([
      { conversationId: id, userId: alice.user.id, isTyping: true },
      { conversationId: id, userId: alice.user.id, isTyping: false },
    ]);
    expect(core.notifier.eventsFor(alice.user.id, 'user_typing')).toEqual([]);
  });
});
