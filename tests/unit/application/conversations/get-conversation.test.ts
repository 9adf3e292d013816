import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { aliceWroteToBob, UNKNOWN_ID } from '../support.js';

describe('getting a conversation', () => {
  it('lets a participant get it, with their unread count and the other participant', async () => {
    const core = buildCore();
    const { alice, bob, id } = await aliceWroteToBob(core);

    const { conversation } = right(await core.useCases.getConversation.execute(bob.claims, id));
    expect(conversation).toMatchObject({ id, unreadCount: 1, otherParticipant: { id: alice.user.id } });
  });

  it('answers NotFound for an unknown id and Validation for a malformed one', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    expect(left(await core.useCases.getConversation.execute(alice.claims, UNKNOWN_ID))._tag).toBe('NotFound');
    expect(left(await core.useCases.getConversation.execute(alice.claims, 'nope'))._tag).toBe('Validation');
  });
});
