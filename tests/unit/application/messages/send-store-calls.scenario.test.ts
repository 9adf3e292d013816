import { describe, expect, it } from 'vitest';
import { countStoreCalls } from '../../../../src/bootstrap/count-store-calls.js';
import { memoryInfrastructure } from '../../../../src/bootstrap/memory-infrastructure.js';
import type { RoundTripMeter } from '../../../../src/ports/round-trip-meter.js';
import { buildCore, right, testConfig, type Core } from '../../../support/build-core.js';
import { silentLogger } from '../../../support/silent-logger.js';

/** Writes down each store call as `port.method`. */
const recordingMeter = (calls: string[]): RoundTripMeter => ({
  mongoCommand: () => undefined,
  redisRoundTrip: () => undefined,
  storeCallCounter: (port, method) => () => calls.push(`${port}.${method}`),
});

const countedCore = (): { core: Core; calls: string[] } => {
  const calls: string[] = [];
  const memory = memoryInfrastructure(testConfig(), silentLogger);
  return { core: buildCore({}, countStoreCalls(memory, recordingMeter(calls))), calls };
};

const sorted = (calls: string[]): string[] => [...calls].sort();

describe('store calls of a send (each one a round trip on the real adapters)', () => {
  it('are four once the pair has talked in this process: the block check, the insert, the last message, the change record', async () => {
    const { core, calls } = countedCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const { message } = right(
      await core.useCases.sendMessage.execute(alice.claims, { receiverId: bob.user.id, content: 'first' }),
    );
    const sends = [
      { by: alice, input: { receiverId: bob.user.id, content: 'second', clientMessageId: 'c-2' } },
      { by: bob, input: { receiverId: alice.user.id, content: 'back' } },
      { by: alice, input: { conversationId: message.conversationId, content: 'by id' } },
    ];
    for (const { by, input } of sends) {
      calls.length = 0;
      right(await core.useCases.sendMessage.execute(by.claims, input));
      expect(sorted(calls)).toEqual([
        'blocks.isBlocked',
        'changes.record',
        'conversations.recordLastMessage',
        'messages.insert',
      ]);
    }
  });

  it('reads each user again once their copy is more than a few seconds old', async () => {
    const { core, calls } = countedCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    right(await core.useCases.sendMessage.execute(alice.claims, { receiverId: bob.user.id, content: 'first' }));
    core.clock.advance(6_000);

    calls.length = 0;
    right(await core.useCases.sendMessage.execute(alice.claims, { receiverId: bob.user.id, content: 'later' }));
    expect(calls.filter((call) => call.startsWith('users.'))).toEqual(['users.findById', 'users.findById']);
  });

  it('gives a retry its original without opening a conversation, even when it names another receiver', async () => {
    const { core } = countedCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const carol = await core.register('carol');
    const first = right(
      await core.useCases.sendMessage.execute(alice.claims, {
        receiverId: bob.user.id,
        content: 'hi',
        clientMessageId: 'c-1',
      }),
    );

    const retried = right(
      await core.useCases.sendMessage.execute(alice.claims, {
        receiverId: carol.user.id,
        content: 'hi',
        clientMessageId: 'c-1',
      }),
    );
    expect(retried).toMatchObject({ created: false, message: { id: first.message.id } });
    expect(await core.infrastructure.conversations.findByParticipants(alice.user.id, carol.user.id)).toBeNull();
  });

  it('confirms a delivery with two: the mark (which returns the message) and the change record', async () => {
    const { core, calls } = countedCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const { message } = right(
      await core.useCases.sendMessage.execute(alice.claims, { receiverId: bob.user.id, content: 'hi' }),
    );
    calls.length = 0;
    core.notifier.acknowledgeAll(bob.user.id);
    await expect.poll(() => sorted(calls)).toEqual(['changes.record', 'messages.markDelivered']);
    expect((await core.infrastructure.messages.findById(message.id))?.deliveredAt).not.toBeNull();
  });
});
