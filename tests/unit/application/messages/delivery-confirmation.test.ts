import { describe, expect, it } from 'vitest';
import { buildCore, right, type Core } from '../../../support/build-core.js';
import { sample } from '../../../support/metric-sample.js';
import { anyCursor, send, settle, threeUsers } from '../support.js';

const delivery = (suffix: string, labels: string) => `chat_message_delivery_seconds_${suffix}{${labels}}`;

/** The receiver's sockets acknowledge what was announced to them, `ms` later; the metrics as they are then. */
const acknowledgedAfter = async (core: Core, receiverId: string, ms: number): Promise<string> => {
  core.clock.advance(ms);
  core.notifier.acknowledgeAll(receiverId);
  await settle();
  return core.metrics.render();
};

const pair = async (core: Core) => ({ alice: await core.register('alice'), bob: await core.register('bob') });

describe('confirming delivery', () => {
  it('records delivery when the receiver acknowledges, telling the sender once', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const sent = await send(core, alice, bob, 'are you there?');
    core.clock.advance(5_000);
    const deliveredAt = core.clock.now().toISOString();

    core.notifier.acknowledgeAll(alice.user.id);
    await settle();
    expect((await core.infrastructure.messages.findById(sent.message.id))?.deliveredAt).toBeNull();

    core.notifier.acknowledgeAll(bob.user.id);
    await settle();
    core.notifier.acknowledgeAll(bob.user.id);
    await settle();

    expect((await core.infrastructure.messages.findById(sent.message.id))?.deliveredAt?.toISOString()).toBe(
      deliveredAt,
    );
    expect(core.notifier.eventsFor(alice.user.id, 'message_delivered')).toEqual([
      {
        messageId: sent.message.id,
        conversationId: sent.message.conversationId,
        deliveredAt,
        userId: bob.user.id,
        cursor: anyCursor,
      },
    ]);
  });

  it('confirms delivery only once when the same message is acknowledged again after a retry', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    const sent = await send(core, alice, bob, 'hi', 'key-1');
    core.notifier.acknowledgeAll(bob.user.id);
    await settle();
    await send(core, alice, bob, 'hi', 'key-1');
    core.notifier.acknowledgeAll(bob.user.id);
    await settle();
    expect(core.notifier.eventsFor(alice.user.id, 'message_delivered')).toHaveLength(1);
    expect(core.notifier.eventsFor(alice.user.id, 'message_delivered')[0]?.messageId).toBe(sent.message.id);
  });
});

describe('delivery latency (chat_message_delivery_seconds)', () => {
  it("is the time from announcing a message to the receiver's acknowledgement, by message type", async () => {
    const core = buildCore();
    const { alice, bob } = await pair(core);
    right(await core.useCases.sendMessage.execute(alice.claims, { receiverId: bob.user.id, content: 'hello' }));

    const text = await acknowledgedAfter(core, bob.user.id, 1_500);
    expect(sample(text, delivery('count', 'type="text"'))).toBe(1);
    expect(sample(text, delivery('sum', 'type="text"'))).toBeCloseTo(1.5);
    expect(sample(text, delivery('bucket', 'le="1",type="text"'))).toBe(0);
    expect(sample(text, delivery('bucket', 'le="2.5",type="text"'))).toBe(1);
  });

  it('is not observed for a message no receiver acknowledged', async () => {
    const core = buildCore();
    const { alice, bob } = await pair(core);
    right(await core.useCases.sendMessage.execute(alice.claims, { receiverId: bob.user.id, content: 'anyone?' }));
    core.clock.advance(60_000);
    expect(sample(await core.metrics.render(), delivery('count', 'type="text"'))).toBeUndefined();
  });

  it('starts again when a retried send announces its message again, however long ago it was stored', async () => {
    const core = buildCore();
    const { alice, bob } = await pair(core);
    const send = () =>
      core.useCases.sendMessage.execute(alice.claims, { receiverId: bob.user.id, content: 'hi', clientMessageId: 'k' });
    right(await send());
    core.clock.advance(3_600_000);
    right(await send());

    // Both announcements answered at once: an hour after the first, 20 ms after the second.
    const text = await acknowledgedAfter(core, bob.user.id, 20);
    expect(sample(text, delivery('count', 'type="text"'))).toBe(2);
    expect(sample(text, delivery('bucket', 'le="0.025",type="text"'))).toBe(1);
    expect(sample(text, delivery('bucket', 'le="10",type="text"'))).toBe(1);
  });
});
