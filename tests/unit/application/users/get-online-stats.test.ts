import { describe, expect, it } from 'vitest';
import { buildCore, right } from '../../../support/build-core.js';
import { registerAll } from '../support.js';

describe('online stats', () => {
  it('counts a user with three connections once, with the percentage of all users', async () => {
    const core = buildCore();
    const [alice, bob] = await registerAll(core, ['alice', 'bob', 'carol']);
    for (const socket of ['tab-1', 'tab-2', 'tab-3']) {
      await core.useCases.trackPresence.admit({ id: alice!.user.id, username: 'alice' }, socket);
    }
    expect(right(await core.useCases.getOnlineStats.execute())).toEqual({
      onlineCount: 1,
      totalUsers: 3,
      onlinePercentage: 33.33,
    });

    await core.useCases.trackPresence.admit({ id: bob!.user.id, username: 'bob' }, 'tab-4');
    expect(right(await core.useCases.getOnlineStats.execute())).toEqual({
      onlineCount: 2,
      totalUsers: 3,
      onlinePercentage: 66.67,
    });
  });

  it('reports zero without users', async () => {
    const core = buildCore();
    expect(right(await core.useCases.getOnlineStats.execute())).toEqual({
      onlineCount: 0,
      totalUsers: 0,
      onlinePercentage: 0,
    });
  });
});
