import { describe, expect, it } from 'vitest';
import type { PresenceStore } from '../../src/ports/presence-store.js';

const LEASE_MS = 60_000;
const T0 = new Date('2030-01-01T00:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);
/** A limit no test here reaches, except those about the limit. */
const ROOMY = 100;

/** Each call gives a store with no connections, whose leases last `leaseMs`. */
export type PresenceStoreFactory = (options: { leaseMs: number }) => Promise<PresenceStore>;

export const describePresenceStoreContract = (implementationName: string, makeStore: PresenceStoreFactory): void => {
  describe(`PresenceStore contract: ${implementationName}`, () => {
    const fresh = (): Promise<PresenceStore> => makeStore({ leaseMs: LEASE_MS });

    it('knows nobody at first', async () => {
      const store = await fresh();
      expect(await store.isOnline('alice', T0)).toBe(false);
      expect(await store.countOnline(T0)).toBe(0);
      expect(await store.onlineAmong(['alice', 'bob'], T0)).toEqual(new Set());
    });

    it('admits up to the limit of live connections, leaving out those whose lease ran out', async () => {
      const store = await fresh();
      expect(await store.admit('alice', 'a1', T0, 2)).toBe('first');
      expect(await store.admit('alice', 'a2', at(LEASE_MS / 2), 2)).toBe('another');
      expect(await store.admit('bob', 'b1', T0, 2)).toBe('first');
      expect(await store.admit('alice', 'a3', at(1), 2)).toBe('refused');
      expect(await store.isOnline('alice', at(2))).toBe(true);
      // a1's lease ran out: its place is free again.
      expect(await store.admit('alice', 'a3', at(LEASE_MS + 1), 2)).toBe('another');
      expect(await store.admit('alice', 'a4', at(LEASE_MS + 2), 2)).toBe('refused');
      await store.disconnect('alice', 'a2', at(LEASE_MS + 3));
      expect(await store.admit('alice', 'a4', at(LEASE_MS + 4), 2)).toBe('another');
    });

    it('counts a refused connection nowhere', async () => {
      const store = await fresh();
      await store.admit('alice', 'a1', T0, 1);
      expect(await store.admit('alice', 'a2', at(1), 1)).toBe('refused');
      expect(await store.disconnect('alice', 'a2', at(2))).toBe(false);
      expect(await store.disconnect('alice', 'a1', at(3))).toBe(true);
      expect(await store.isOnline('alice', at(4))).toBe(false);
    });

    it('admits exactly up to the limit when connections race for the last places', async () => {
      const store = await fresh();
      await store.admit('alice', 'a0', T0, 5);
      const racing = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.admit('alice', `racer-${i}`, at(1), 5)),
      );
      expect(racing.filter((admission) => admission === 'another')).toHaveLength(4);
      expect(racing.filter((admission) => admission === 'refused')).toHaveLength(16);
      expect(racing).not.toContain('first');
    });

    it('says first to exactly one of several first connections racing', async () => {
      const store = await fresh();
      const racing = await Promise.all(Array.from({ length: 8 }, (_, i) => store.admit('alice', `tab-${i}`, T0, 5)));
      expect(racing.filter((admission) => admission === 'first')).toHaveLength(1);
      expect(racing.filter((admission) => admission === 'another')).toHaveLength(4);
      expect(racing.filter((admission) => admission === 'refused')).toHaveLength(3);
    });

    it('reports the first connection of a user, and them online', async () => {
      const store = await fresh();
      expect(await store.admit('alice', 'a1', T0, ROOMY)).toBe('first');
      expect(await store.isOnline('alice', T0)).toBe(true);
      expect(await store.isOnline('bob', T0)).toBe(false);
      expect(await store.countOnline(T0)).toBe(1);
    });

    it('counts a user with three connections once, until the last one closes', async () => {
      const store = await fresh();
      expect(await store.admit('alice', 'a1', T0, ROOMY)).toBe('first');
      expect(await store.admit('alice', 'a2', at(1), ROOMY)).toBe('another');
      expect(await store.admit('alice', 'a3', at(2), ROOMY)).toBe('another');
      expect(await store.countOnline(at(3))).toBe(1);

      expect(await store.disconnect('alice', 'a2', at(4))).toBe(false);
      expect(await store.disconnect('alice', 'a1', at(5))).toBe(false);
      expect(await store.isOnline('alice', at(6))).toBe(true);
      expect(await store.countOnline(at(6))).toBe(1);

      expect(await store.disconnect('alice', 'a3', at(7))).toBe(true);
      expect(await store.isOnline('alice', at(8))).toBe(false);
      expect(await store.countOnline(at(8))).toBe(0);
      expect(await store.onlineAmong(['alice'], at(8))).toEqual(new Set());
    });

    it('counts users, not connections', async () => {
      const store = await fresh();
      await store.admit('alice', 'a1', T0, ROOMY);
      await store.admit('alice', 'a2', T0, ROOMY);
      await store.admit('alice', 'a3', T0, ROOMY);
      await store.admit('bob', 'b1', T0, ROOMY);
      expect(await store.countOnline(T0)).toBe(2);
    });

    it('reports offline only once: disconnecting an unknown or closed connection is not a last disconnect', async () => {
      const store = await fresh();
      expect(await store.disconnect('alice', 'nope', T0)).toBe(false);
      await store.admit('alice', 'a1', T0, ROOMY);
      expect(await store.disconnect('alice', 'a1', at(1))).toBe(true);
      expect(await store.disconnect('alice', 'a1', at(2))).toBe(false);
    });

    it('stops counting a connection whose lease ran out (its process crashed)', async () => {
      const store = await fresh();
      await store.admit('alice', 'a1', T0, ROOMY);
      await store.admit('bob', 'b1', at(30_000), ROOMY);

      const beforeExpiry = at(LEASE_MS - 1);
      expect(await store.isOnline('alice', beforeExpiry)).toBe(true);
      expect(await store.countOnline(beforeExpiry)).toBe(2);

      const atExpiry = at(LEASE_MS);
      expect(await store.isOnline('alice', atExpiry)).toBe(false);
      expect(await store.onlineAmong(['alice', 'bob'], atExpiry)).toEqual(new Set(['bob']));
      expect(await store.countOnline(atExpiry)).toBe(1);
    });

    it('treats a connection after every lease ran out as a first connection', async () => {
      const store = await fresh();
      await store.admit('alice', 'crashed', T0, ROOMY);
      expect(await store.admit('alice', 'a2', at(LEASE_MS + 1), ROOMY)).toBe('first');
    });

    it('does not let an expired connection keep a user online when the live one closes', async () => {
      const store = await fresh();
      await store.admit('alice', 'crashed', T0, ROOMY);
      await store.admit('alice', 'a2', at(30_000), ROOMY);
      expect(await store.disconnect('alice', 'a2', at(LEASE_MS + 1))).toBe(true);
      expect(await store.isOnline('alice', at(LEASE_MS + 2))).toBe(false);
    });

    it('still reports the last disconnect of a connection whose lease ran out', async () => {
      const store = await fresh();
      await store.admit('alice', 'stalled', T0, ROOMY);
      expect(await store.disconnect('alice', 'stalled', at(LEASE_MS + 1_000))).toBe(true);
    });

    it('extends the leases of refreshed connections only', async () => {
      const store = await fresh();
      await store.admit('alice', 'a1', T0, ROOMY);
      await store.admit('alice', 'a2', T0, ROOMY);
      await store.admit('bob', 'b1', T0, ROOMY);
      await store.refresh([{ userId: 'alice', connectionId: 'a2' }], at(50_000));

      const later = at(LEASE_MS + 10_000);
      expect(await store.isOnline('alice', later)).toBe(true);
      expect(await store.isOnline('bob', later)).toBe(false);
      expect(await store.countOnline(later)).toBe(1);
      expect(await store.onlineAmong(['alice', 'bob'], later)).toEqual(new Set(['alice']));
      // a1 was not refreshed: closing a2 closes alice's last live connection.
      expect(await store.disconnect('alice', 'a2', later)).toBe(true);
      expect(await store.isOnline('alice', later)).toBe(false);

      expect(await store.isOnline('alice', at(50_000 + LEASE_MS))).toBe(false);
    });

    it('follows the remaining connection after the longest-lived one closes', async () => {
      const store = await fresh();
      await store.admit('alice', 'a1', T0, ROOMY);
      await store.admit('alice', 'a2', T0, ROOMY);
      await store.refresh([{ userId: 'alice', connectionId: 'a1' }], at(40_000));
      expect(await store.disconnect('alice', 'a1', at(41_000))).toBe(false);

      // Only a2's lease (until LEASE_MS) is left.
      expect(await store.countOnline(at(LEASE_MS - 1))).toBe(1);
      expect(await store.countOnline(at(LEASE_MS + 1))).toBe(0);
      expect(await store.isOnline('alice', at(LEASE_MS + 1))).toBe(false);
    });

    it('re-creates a lease it no longer has when refreshed (e.g. after losing its data)', async () => {
      const store = await fresh();
      await store.refresh([{ userId: 'alice', connectionId: 'a1' }], T0);
      expect(await store.isOnline('alice', at(1))).toBe(true);
      expect(await store.countOnline(at(1))).toBe(1);
      expect(await store.disconnect('alice', 'a1', at(2))).toBe(true);
    });

    it('refreshes many connections of many users at once, and accepts an empty list', async () => {
      const store = await fresh();
      const users = ['u1', 'u2', 'u3', 'u4'];
      for (const userId of users) await store.admit(userId, `${userId}-c`, T0, ROOMY);
      await store.refresh([], at(10));
      await store.refresh(
        users.map((userId) => ({ userId, connectionId: `${userId}-c` })),
        at(30_000),
      );
      expect(await store.countOnline(at(LEASE_MS + 1))).toBe(4);
      expect(await store.onlineAmong(users, at(LEASE_MS + 1))).toEqual(new Set(users));
    });

    it('answers onlineAmong with the online subset only', async () => {
      const store = await fresh();
      await store.admit('alice', 'a1', T0, ROOMY);
      await store.admit('carol', 'c1', T0, ROOMY);
      expect(await store.onlineAmong(['alice', 'bob', 'carol', 'dave'], at(1))).toEqual(new Set(['alice', 'carol']));
      expect(await store.onlineAmong([], at(1))).toEqual(new Set());
    });
  });
};
