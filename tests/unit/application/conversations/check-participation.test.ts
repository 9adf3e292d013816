import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { aliceWroteToBob } from '../support.js';

describe('checking participation', () => {
  it('answers a participant with the conversation id', async () => {
    const core = buildCore();
    const { alice, id } = await aliceWroteToBob(core);
    expect(right(await core.useCases.checkParticipation.execute(alice.claims, id))).toEqual({ conversationId: id });
  });

  it('answers Validation for an operator object as id', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    expect(left(await core.useCases.checkParticipation.execute(alice.claims, { $gt: '' }))._tag).toBe('Validation');
  });
});
