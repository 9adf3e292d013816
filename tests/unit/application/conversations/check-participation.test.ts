import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { send } from '../support.js';

describe('checking participation', () => {
  it('answers a participant with the conversation id', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const id = (await send(core, alice, bob, 'hi')).message.conversationId;
    expect(right(await core.useCases.checkParticipation.execute(alice.claims, id))).toEqual({ conversationId: id });
  });

  it('answers Validation for an operator object as id', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    expect(left(await core.useCases.checkParticipation.execute(alice.claims, { $gt: '' }))._tag).toBe('Validation');
  });
});
