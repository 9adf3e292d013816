import { describe, expect, it } from 'vitest';
import { InMemoryConversationRepository } from '../../../../src/adapters/memory/in-memory-conversation-repository.js';
import { memoryInfrastructure } from '../../../../src/bootstrap/memory-infrastructure.js';
import { buildCore, right, testConfig, type Core } from '../../../support/build-core.js';
import { silentLogger } from '../../../support/silent-logger.js';
import type { Registered } from '../support.js';

const LEASE_SECONDS = 30;

/** The conversations' storage, counting the partner reads that reach it. */
class CountedConversations extends InMemoryConversationRepository {
  partnerReads = 0;

  override async listPartnerIds(userId: string): Promise<string[]> {
    this.partnerReads += 1;
    return super.listPartnerIds(userId);
  }
}

/** Alice talks with Bob; Carol shares no conversation with either. */
const setUp = async (extraEnv: Record<string, string> = {}) => {
  const env = { PRESENCE_LEASE_SECONDS: String(LEASE_SECONDS), ...extraEnv };
  const conversations = new CountedConversations();
  const core = buildCore(env, { ...memoryInfrastructure(testConfig(env), silentLogger), conversations });
  const alice = await core.register('alice');
  const bob = await core.register('bob');
  const carol = await core.register('carol');
  right(await core.useCases.sendMessage.execute(bob.claims, { receiverId: alice.user.id, content: 'hi' }));
  core.notifier.clear();
  return { core, alice, bob, carol, conversations };
};

/** Admits a connection and waits until a first connection's partners were told. */
const connect = async (core: Core, who: Registered, connectionId: string) => {
  const admission = await core.useCases.trackPresence.admit(
    { id: who.user.id, username: who.user.username },
    connectionId,
  );
  expect(admission.admitted).toBe(true);
  if (admission.admitted) await admission.announced;
};

const disconnect = (core: Core, who: Registered, connectionId: string) =>
  core.useCases.trackPresence.disconnected(who.user.id, connectionId);

const isOnline = async (core: Core, who: Registered) =>
  right(await core.useCases.getCurrentUser.execute(who.claims)).user.isOnline;

const presenceEvents = (core: Core) =>
  core.notifier.events.filter((e) => e.event === 'user_online' || e.event === 'user_offline');

describe('presence', () => {
  it('announces the first connection to conversation partners only', async () => {
    const { core, alice, bob, carol } = await setUp();
    await connect(core, alice, 'alice-tab-1');

    expect(core.notifier.eventsFor(bob.user.id, 'user_online')).toEqual([
      { userId: alice.user.id, username: 'alice', timestamp: core.clock.now().toISOString() },
    ]);
    expect(core.notifier.eventsFor(carol.user.id, 'user_online')).toEqual([]);
    expect(core.notifier.eventsFor(alice.user.id, 'user_online')).toEqual([]);
    expect(await isOnline(core, alice)).toBe(true);
  });

  it('says nothing about a user without conversations', async () => {
    const { core, carol } = await setUp();
    await connect(core, carol, 'carol-tab');
    await disconnect(core, carol, 'carol-tab');
    expect(presenceEvents(core)).toEqual([]);
  });

  it('stays silent for a second tab and for closing one of two tabs', async () => {
    const { core, alice } = await setUp();
    await connect(core, alice, 'alice-tab-1');
    core.notifier.clear();

    await connect(core, alice, 'alice-tab-2');
    await disconnect(core, alice, 'alice-tab-1');
    expect(presenceEvents(core)).toEqual([]);
    expect(await isOnline(core, alice)).toBe(true);
    expect((await core.infrastructure.users.findById(alice.user.id))?.lastSeen).toBeNull();
  });

  it('announces the last connection closing with lastSeen, and stores lastSeen', async () => {
    const { core, alice, bob, carol } = await setUp();
    await connect(core, alice, 'alice-tab-1');
    await connect(core, alice, 'alice-tab-2');
    core.clock.advance(10_000);
    await disconnect(core, alice, 'alice-tab-1');
    core.clock.advance(5_000);
    await disconnect(core, alice, 'alice-tab-2');
    const lastSeen = core.clock.now().toISOString();

    expect(core.notifier.eventsFor(bob.user.id, 'user_offline')).toEqual([{ userId: alice.user.id, lastSeen }]);
    expect(core.notifier.eventsFor(carol.user.id, 'user_offline')).toEqual([]);
    expect((await core.infrastructure.users.findById(alice.user.id))?.lastSeen?.toISOString()).toBe(lastSeen);
    const { user } = right(await core.useCases.getCurrentUser.execute(alice.claims));
    expect(user).toMatchObject({ isOnline: false, lastSeen });
  });

  it('ignores closing a connection twice', async () => {
    const { core, alice, bob } = await setUp();
    await connect(core, alice, 'alice-tab-1');
    await disconnect(core, alice, 'alice-tab-1');
    await disconnect(core, alice, 'alice-tab-1');
    expect(core.notifier.eventsFor(bob.user.id, 'user_offline')).toHaveLength(1);
  });

  it('announces a user coming back online after going offline', async () => {
    const { core, alice, bob } = await setUp();
    await connect(core, alice, 'alice-tab-1');
    await disconnect(core, alice, 'alice-tab-1');
    await connect(core, alice, 'alice-tab-2');
    expect(core.notifier.eventsFor(bob.user.id, 'user_online')).toHaveLength(2);
  });

  it('stops counting a connection whose lease ran out without a heartbeat', async () => {
    const { core, alice, bob } = await setUp();
    await connect(core, alice, 'alice-tab-1');
    core.clock.advance((LEASE_SECONDS - 1) * 1000);
    expect(await isOnline(core, alice)).toBe(true);

    core.clock.advance(2_000);
    expect(await isOnline(core, alice)).toBe(false);
    expect(right(await core.useCases.getOnlineStats.execute()).onlineCount).toBe(0);
    const { users } = right(await core.useCases.listUsers.execute(bob.claims, { search: 'alice' }));
    expect(users[0]?.isOnline).toBe(false);
  });

  it('announces a new connection after the old one’s lease ran out as coming online', async () => {
    const { core, alice, bob } = await setUp();
    await connect(core, alice, 'crashed-process-socket');
    core.clock.advance((LEASE_SECONDS + 1) * 1000);
    await connect(core, alice, 'fresh-socket');
    expect(core.notifier.eventsFor(bob.user.id, 'user_online')).toHaveLength(2);
  });

  it('keeps a connection alive with heartbeats', async () => {
    const { core, alice, bob } = await setUp();
    await connect(core, alice, 'alice-tab-1');
    await connect(core, bob, 'bob-tab-1');
    for (let i = 0; i < 5; i += 1) {
      core.clock.advance((LEASE_SECONDS / 2) * 1000);
      await core.useCases.trackPresence.heartbeat([{ userId: alice.user.id, connectionId: 'alice-tab-1' }]);
    }
    expect(await isOnline(core, alice)).toBe(true);
    expect(await isOnline(core, bob)).toBe(false);
    expect(right(await core.useCases.getOnlineStats.execute())).toMatchObject({ onlineCount: 1, totalUsers: 3 });
  });

  it('accepts an empty heartbeat', async () => {
    const { core } = await setUp();
    await core.useCases.trackPresence.heartbeat([]);
    expect(right(await core.useCases.getOnlineStats.execute()).onlineCount).toBe(0);
  });

  it('reads a returning user’s partners from memory within their lifetime, and fresh when they go offline', async () => {
    const { core, alice, bob, conversations } = await setUp();
    const reads = () => conversations.partnerReads;
    await connect(core, alice, 'alice-tab-1');
    expect(reads()).toBe(1);
    await disconnect(core, alice, 'alice-tab-1');
    expect(reads()).toBe(2);

    // A reload: offline, then online again at once, told to bob without a read.
    await connect(core, alice, 'alice-tab-2');
    expect(reads()).toBe(2);
    expect(core.notifier.eventsFor(bob.user.id, 'user_online')).toHaveLength(2);
    expect(core.notifier.eventsFor(bob.user.id, 'user_offline')).toHaveLength(1);
  });

  it('admits no connection beyond SOCKETS_PER_USER, and one again after a close', async () => {
    const { core, alice } = await setUp({ SOCKETS_PER_USER: '2' });
    const user = { id: alice.user.id, username: 'alice' };
    const tabs = await Promise.all(['t1', 't2', 't3', 't4'].map((id) => core.useCases.trackPresence.admit(user, id)));
    expect(tabs.map((tab) => tab.admitted)).toEqual([true, true, false, false]);
    await disconnect(core, alice, 't1');
    expect((await core.useCases.trackPresence.admit(user, 't5')).admitted).toBe(true);
  });

  it('tells partners of a first conversation made while the user was online when they go offline', async () => {
    const { core, alice, carol } = await setUp();
    await connect(core, carol, 'carol-tab');
    right(await core.useCases.sendMessage.execute(alice.claims, { receiverId: carol.user.id, content: 'hello' }));
    await disconnect(core, carol, 'carol-tab');
    expect(core.notifier.eventsFor(alice.user.id, 'user_offline')).toEqual([
      { userId: carol.user.id, lastSeen: core.clock.now().toISOString() },
    ]);
  });
});
