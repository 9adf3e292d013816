import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { logIn, PASSWORD, refresh } from '../support.js';

describe('logging out', () => {
  it('ends the current session at once: its refresh token and its access token fail, other sessions live on', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const otherDevice = right(await logIn(core, 'alice@example.com', PASSWORD));

    expect(right(await core.useCases.logOut.execute(alice.claims, {}))).toEqual({ sessionsEnded: 'current' });

    expect(left(await refresh(core, alice.refreshToken))._tag).toBe('Unauthorized');
    expect(left(await core.useCases.authenticate.execute(alice.accessToken))._tag).toBe('Unauthorized');
    right(await core.useCases.authenticate.execute(otherDevice.accessToken));
    right(await refresh(core, otherDevice.refreshToken));
  });

  it('ends the session of the refresh token given, when it is the caller’s', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const otherDevice = right(await logIn(core, 'alice@example.com', PASSWORD));
    right(await core.useCases.logOut.execute(alice.claims, { refreshToken: otherDevice.refreshToken }));
    expect(left(await refresh(core, otherDevice.refreshToken))._tag).toBe('Unauthorized');
    right(await refresh(core, alice.refreshToken));
  });

  it('ignores another user’s refresh token and ends the caller’s own session', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    right(await core.useCases.logOut.execute(alice.claims, { refreshToken: bob.refreshToken }));
    right(await refresh(core, bob.refreshToken));
    expect(left(await refresh(core, alice.refreshToken))._tag).toBe('Unauthorized');
  });

  it('ends every session with {all: true}', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const second = right(await logIn(core, 'alice@example.com', PASSWORD));
    const third = right(await logIn(core, 'alice@example.com', PASSWORD));
    const bob = await core.register('bob');

    expect(right(await core.useCases.logOut.execute(alice.claims, { all: true }))).toEqual({ sessionsEnded: 'all' });

    for (const tokens of [alice, second, third]) {
      expect(left(await refresh(core, tokens.refreshToken))._tag).toBe('Unauthorized');
      expect(left(await core.useCases.authenticate.execute(tokens.accessToken))._tag).toBe('Unauthorized');
    }
    right(await refresh(core, bob.refreshToken));
  });
});
