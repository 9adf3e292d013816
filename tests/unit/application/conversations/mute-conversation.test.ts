import { describe, expect, it } from 'vitest';
import { buildCore, left, right, type Core } from '../../../support/build-core.js';
import { aliceWroteToBob, HOUR, send, UNKNOWN_ID, type Registered } from '../support.js';

const mute = (core: Core, user: Registered, conversationId: unknown, body?: unknown) =>
  core.useCases.muteConversation.mute(user.claims, conversationId, body);

const unmute = (core: Core, user: Registered, conversationId: unknown) =>
  core.useCases.muteConversation.unmute(user.claims, conversationId);

const inAnHour = (core: Core) => new Date(core.clock.now().getTime() + HOUR).toISOString();

/** Sends a message and says whether its receiver got a new-message notification of it. */
const notifies = async (core: Core, from: Registered, to: Registered, content: string) => {
  await send(core, from, to, content);
  return core.notifier.eventsFor(to.user.id, 'new_message_notification').some((n) => n.preview === content);
};

/** What the user's conversation list says of the mute. */
const listedMute = async (core: Core, user: Registered) => {
  const [summary] = right(await core.useCases.listConversations.execute(user.claims, {})).conversations;
  return { muted: summary?.muted, mutedUntil: summary?.mutedUntil };
};

describe('muting a conversation', () => {
  it('mutes until unmuting: no notification meanwhile, though messages still arrive, then notifications again', async () => {
    const core = buildCore();
    const { alice, bob, id } = await aliceWroteToBob(core);

    for (let i = 0; i < 2; i += 1) {
      expect(right(await mute(core, bob, id, {}))).toEqual({ conversationId: id, muted: true, mutedUntil: null });
    }
    expect(await listedMute(core, bob)).toEqual({ muted: true, mutedUntil: null });
    expect(await notifies(core, alice, bob, 'while muted')).toBe(false);
    core.clock.advance(1000 * 24 * HOUR);
    expect(await notifies(core, alice, bob, 'still muted')).toBe(false);

    expect(right(await unmute(core, bob, id))).toEqual({ conversationId: id, muted: false, mutedUntil: null });
    expect(await notifies(core, alice, bob, 'after unmuting')).toBe(true);
    expect(
      core.notifier.eventsFor(bob.user.id, 'message_received').map((received) => received.message.content),
    ).toEqual(['hi', 'while muted', 'still muted', 'after unmuting']);
    const { unreadCount } = right(await core.useCases.getUnreadCount.execute(bob.claims));
    expect(unreadCount).toBe(4);
  });

  it('takes no body as muting until unmuting', async () => {
    const core = buildCore();
    const { bob, id } = await aliceWroteToBob(core);
    expect(right(await mute(core, bob, id))).toEqual({ conversationId: id, muted: true, mutedUntil: null });
  });

  it('mutes until a moment: notifications come again once the clock reaches it', async () => {
    const core = buildCore();
    const { alice, bob, id } = await aliceWroteToBob(core);
    const until = inAnHour(core);

    expect(right(await mute(core, bob, id, { until }))).toEqual({ conversationId: id, muted: true, mutedUntil: until });
    core.clock.advance(HOUR - 1);
    expect(await listedMute(core, bob)).toEqual({ muted: true, mutedUntil: until });
    expect(await notifies(core, alice, bob, 'a moment before')).toBe(false);
    core.clock.advance(1);
    expect(await listedMute(core, bob)).toEqual({ muted: false, mutedUntil: null });
    expect(await notifies(core, alice, bob, 'on the moment')).toBe(true);
  });

  it('mutes for the one who muted: the other participant is notified as before', async () => {
    const core = buildCore();
    const { alice, bob, id } = await aliceWroteToBob(core);
    right(await mute(core, bob, id, {}));

    expect(await notifies(core, bob, alice, 'from the muter')).toBe(true);
    expect(await listedMute(core, alice)).toEqual({ muted: false, mutedUntil: null });
  });

  it('replaces a timed mute with one until unmuting, and back', async () => {
    const core = buildCore();
    const { bob, id } = await aliceWroteToBob(core);
    const until = inAnHour(core);
    right(await mute(core, bob, id, { until }));
    expect(right(await mute(core, bob, id, {})).mutedUntil).toBeNull();
    expect(right(await mute(core, bob, id, { until })).mutedUntil).toBe(until);
    core.clock.advance(HOUR);
    expect(await listedMute(core, bob)).toEqual({ muted: false, mutedUntil: null });
  });

  it('refuses a mute that ends now, in the past or over ten years ahead, or a malformed moment (Validation)', async () => {
    const core = buildCore();
    const { alice, bob, id } = await aliceWroteToBob(core);
    const now = core.clock.now().getTime();
    const refused = [
      new Date(now).toISOString(),
      new Date(now - 1).toISOString(),
      new Date(now + 11 * 366 * 24 * HOUR).toISOString(),
      'tomorrow',
      '2026-11-25T10:00:00',
      now + HOUR,
    ];
    for (const until of refused) {
      expect(left(await mute(core, bob, id, { until })), String(until)).toMatchObject({
        _tag: 'Validation',
        errors: [expect.objectContaining({ field: 'until' })],
      });
    }
    expect(await listedMute(core, bob)).toEqual({ muted: false, mutedUntil: null });
    expect(await notifies(core, alice, bob, 'not muted')).toBe(true);
  });

  it('unmutes as often as asked, a conversation never muted included', async () => {
    const core = buildCore();
    const { alice, bob, id } = await aliceWroteToBob(core);
    for (let i = 0; i < 2; i += 1) {
      expect(right(await unmute(core, alice, id))).toEqual({ conversationId: id, muted: false, mutedUntil: null });
    }
    right(await mute(core, bob, id, { until: inAnHour(core) }));
    for (let i = 0; i < 2; i += 1) expect(right(await unmute(core, bob, id)).muted).toBe(false);
    expect(await listedMute(core, bob)).toEqual({ muted: false, mutedUntil: null });
  });

  it('answers NotFound to someone outside the conversation and for an unknown one, muting nothing', async () => {
    const core = buildCore();
    const { alice, bob, id } = await aliceWroteToBob(core);
    const carol = await core.register('carol');

    expect(left(await mute(core, carol, id, {}))._tag).toBe('NotFound');
    expect(left(await unmute(core, carol, id))._tag).toBe('NotFound');
    expect(left(await mute(core, bob, UNKNOWN_ID, {}))._tag).toBe('NotFound');
    expect(left(await mute(core, bob, 'not-an-id', {}))._tag).toBe('Validation');
    expect((await core.infrastructure.conversations.findById(id))?.mutes).toEqual({});
    expect(await notifies(core, alice, bob, 'heard')).toBe(true);
  });
});
