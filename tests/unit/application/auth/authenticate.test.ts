import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';

describe('authenticating', () => {
  it('refuses an access token once the clock passes its expiry', async () => {
    const core = buildCore({ ACCESS_TOKEN_TTL_SECONDS: '60' });
    const alice = await core.register('alice');
    core.clock.advance(59_000);
    right(await core.useCases.authenticate.execute(alice.accessToken));
    core.clock.advance(2_000);
    expect(left(await core.useCases.authenticate.execute(alice.accessToken))._tag).toBe('Unauthorized');
  });

  it('refuses a missing or tampered access token', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    expect(left(await core.useCases.authenticate.execute(undefined))._tag).toBe('Unauthorized');
    expect(left(await core.useCases.authenticate.execute(`${alice.accessToken}x`))._tag).toBe('Unauthorized');
  });
});
