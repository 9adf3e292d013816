import { describe, expect, it } from 'vitest';
import { buildCore, left } from '../../../support/build-core.js';
import { send } from '../support.js';

describe('a conversation seen from outside', () => {
  it('does not exist for a third user: get, history, mark-read, participation and typing answer NotFound', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const carol = await core.register('carol');
    const sent = await send(core, alice, bob, 'between us');
    const id = sent.message.conversationId;
    core.notifier.clear();

    const { useCases } = core;
    expect(left(await useCases.getConversation.execute(carol.claims, id))._tag).toBe('NotFound');
    expect(left(await useCases.getConversationHistory.execute(carol.claims, id, {}))._tag).toBe('NotFound');
    expect(left(await useCases.markConversationRead.execute(carol.claims, id))._tag).toBe('NotFound');
    expect(left(await useCases.checkParticipation.execute(carol.claims, id))._tag).toBe('NotFound');
    expect(left(await useCases.notifyTyping.execute(carol.claims, id, true))._tag).toBe('NotFound');

    expect(core.notifier.events).toEqual([]);
    expect((await core.infrastructure.messages.findById(sent.message.id))?.readAt).toBeNull();
  });
});
