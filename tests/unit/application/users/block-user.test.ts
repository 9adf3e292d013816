import { describe, expect, it } from 'vitest';
import { buildCore, left, right, type Core } from '../../../support/build-core.js';
import { registerAll, threeUsers, UNKNOWN_ID, type Registered } from '../support.js';

const trySend = (core: Core, from: Registered, to: Registered, content: string) =>
  core.useCases.sendMessage.execute(from.claims, { receiverId: to.user.id, content });

const blockedUserIds = async (core: Core, user: Registered) =>
  right(await core.useCases.getCurrentUser.execute(user.claims)).blockedUserIds;

describe('blocking a user', () => {
  it('blocks and unblocks, each as often as asked, with the same answer and one block at most', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);

    for (let i = 0; i < 2; i += 1) {
      expect(right(await core.useCases.blockUser.block(alice.claims, bob.user.id))).toEqual({
        userId: bob.user.id,
        blocked: true,
      });
    }
    expect(await blockedUserIds(core, alice)).toEqual([bob.user.id]);

    for (let i = 0; i < 2; i += 1) {
      expect(right(await core.useCases.blockUser.unblock(alice.claims, bob.user.id))).toEqual({
        userId: bob.user.id,
        blocked: false,
      });
    }
    expect(await blockedUserIds(core, alice)).toEqual([]);
  });

  it('keeps the blocked user from sending to the blocker, one way only, until the block is lifted', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    right(await trySend(core, bob, alice, 'before the block'));

    right(await core.useCases.blockUser.block(alice.claims, bob.user.id));
    expect(left(await trySend(core, bob, alice, 'let me in'))._tag).toBe('Forbidden');
    right(await trySend(core, alice, bob, 'the blocker may still write'));

    right(await core.useCases.blockUser.unblock(alice.claims, bob.user.id));
    right(await trySend(core, bob, alice, 'after the block'));
    expect(core.notifier.eventsFor(alice.user.id, 'message_received').map((event) => event.message.content)).toEqual([
      'before the block',
      'after the block',
    ]);
  });

  it('refuses to block yourself (Validation) or someone who does not exist (NotFound), blocking nobody', async () => {
    const core = buildCore();
    const alice = await core.register('alice');

    expect(left(await core.useCases.blockUser.block(alice.claims, alice.user.id))).toMatchObject({
      _tag: 'Validation',
      errors: [{ field: 'userId' }],
    });
    expect(left(await core.useCases.blockUser.block(alice.claims, UNKNOWN_ID))._tag).toBe('NotFound');
    expect(left(await core.useCases.blockUser.block(alice.claims, 'not-an-id'))._tag).toBe('Validation');
    expect(left(await core.useCases.blockUser.unblock(alice.claims, { $ne: null }))._tag).toBe('Validation');
    expect(await blockedUserIds(core, alice)).toEqual([]);
  });

  it('lifts a block that never was without complaint', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    expect(right(await core.useCases.blockUser.unblock(alice.claims, bob.user.id))).toEqual({
      userId: bob.user.id,
      blocked: false,
    });
    expect(right(await core.useCases.blockUser.unblock(alice.claims, UNKNOWN_ID)).blocked).toBe(false);
  });

  it('lists whom a user blocks oldest block first; a block renewed after lifting counts from then', async () => {
    const core = buildCore();
    const [alice, bob, carol, dave] = (await registerAll(core, ['alice', 'bob', 'carol', 'dave'])) as [
      Registered,
      Registered,
      Registered,
      Registered,
    ];
    const block = async (user: Registered) => {
      right(await core.useCases.blockUser.block(alice.claims, user.user.id));
      core.clock.advance(1_000);
    };
    // Against the order of registration (and of ids): dave, then carol, then bob.
    await block(dave);
    await block(carol);
    await block(bob);
    expect(await blockedUserIds(core, alice)).toEqual([dave.user.id, carol.user.id, bob.user.id]);

    // Blocking again changes nothing; lifting and blocking again starts anew.
    await block(dave);
    expect(await blockedUserIds(core, alice)).toEqual([dave.user.id, carol.user.id, bob.user.id]);
    right(await core.useCases.blockUser.unblock(alice.claims, dave.user.id));
    await block(dave);
    expect(await blockedUserIds(core, alice)).toEqual([carol.user.id, bob.user.id, dave.user.id]);
  });

  it('orders blocks made at the same moment by the blocked user’s id', async () => {
    const core = buildCore();
    const [alice, ...others] = await registerAll(core, ['alice', 'bob', 'carol', 'dave']);
    for (const other of [...others].reverse()) right(await core.useCases.blockUser.block(alice!.claims, other.user.id));
    expect(await blockedUserIds(core, alice!)).toEqual(others.map((other) => other.user.id).sort());
  });

  it('is the blocker’s own list: the blocked user blocks nobody by it', async () => {
    const core = buildCore();
    const { alice, bob } = await threeUsers(core);
    right(await core.useCases.blockUser.block(alice.claims, bob.user.id));
    expect(await blockedUserIds(core, bob)).toEqual([]);
  });
});
