import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RedisPresenceStore } from '../../src/adapters/redis/redis-presence-store.js';
import { redisTestConnections } from '../support/redis-test-connections.js';
import { useService } from '../support/services/use-service.js';
import { describePresenceStoreContract } from './presence-store-contract.js';

const redis = useService('redis');
const openConnection = redisTestConnections(redis);

describe.skipIf(redis.skip)('RedisPresenceStore', () => {
  describePresenceStoreContract(
    'redis',
    async ({ leaseMs }) => new RedisPresenceStore(await openConnection(), { leaseMs }),
  );

  const now = new Date('2030-01-01T00:00:00.000Z');

  it('shares connections between processes: two stores on one Redis count a user once', async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const processA = new RedisPresenceStore(await openConnection({ keyPrefix }));
    const processB = new RedisPresenceStore(await openConnection({ keyPrefix }));

    expect(await processA.admit('alice', 'socket-on-a', now, 20)).toBe('first');
    expect(await processB.admit('alice', 'socket-on-b', now, 20)).toBe('another');
    expect(await processB.isOnline('alice', now)).toBe(true);
    expect(await processA.countOnline(now)).toBe(1);

    expect(await processA.disconnect('alice', 'socket-on-a', now)).toBe(false);
    expect(await processA.isOnline('alice', now)).toBe(true);
    expect(await processB.disconnect('alice', 'socket-on-b', now)).toBe(true);
    expect(await processA.isOnline('alice', now)).toBe(false);
  });

  it('admits exactly up to the limit when processes race for the last places', async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const processes = [
      new RedisPresenceStore(await openConnection({ keyPrefix })),
      new RedisPresenceStore(await openConnection({ keyPrefix })),
    ];
    const racing = await Promise.all(
      Array.from({ length: 40 }, (_, i) => processes[i % 2]!.admit('alice', `socket-${i}`, now, 7)),
    );
    expect(racing.filter((admission) => admission === 'first')).toHaveLength(1);
    expect(racing.filter((admission) => admission === 'another')).toHaveLength(6);
    expect(racing.filter((admission) => admission === 'refused')).toHaveLength(33);
  });

  it('writes only under its key prefix, in the documented shape', async () => {
    const connection = await openConnection();
    const store = new RedisPresenceStore(connection, { leaseMs: 1_000 });
    await store.admit('alice', 'a1', now, 20);
    await store.admit('alice', 'a2', new Date(now.getTime() + 500), 20);

    const userKey = `${connection.keyPrefix}presence:user:alice`;
    const onlineKey = `${connection.keyPrefix}presence:online`;
    expect((await connection.client.keys('*')).filter((key) => key.startsWith(connection.keyPrefix)).sort()).toEqual(
      [onlineKey, userKey].sort(),
    );
    expect(await connection.client.zRangeWithScores(userKey, 0, -1)).toEqual([
      { value: 'a1', score: now.getTime() + 1_000 },
      { value: 'a2', score: now.getTime() + 1_500 },
    ]);
    expect(await connection.client.zScore(onlineKey, 'alice')).toBe(now.getTime() + 1_500);
    expect(await connection.client.pTTL(userKey)).toBeGreaterThan(0);

    await store.disconnect('alice', 'a2', now);
    expect(await connection.client.zScore(onlineKey, 'alice')).toBe(now.getTime() + 1_000);
    await store.disconnect('alice', 'a1', now);
    expect(await connection.client.exists([userKey, onlineKey])).toBe(0);
  });
});
