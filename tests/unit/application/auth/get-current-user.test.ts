import { describe, expect, it } from 'vitest';
import { buildCore, right } from '../../../support/build-core.js';

describe('the current user', () => {
  it('returns the current user without a password hash', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const { user } = right(await core.useCases.getCurrentUser.execute(alice.claims));
    expect(user).toMatchObject({ id: alice.user.id, username: 'alice', email: 'alice@example.com' });
    expect(user).not.toHaveProperty('passwordHash');
  });
});
