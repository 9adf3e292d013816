import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { logIn, PASSWORD, refresh } from '../support.js';

describe('refreshing a session', () => {
  it('rotates: new tokens work, the old refresh token stops working', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const rotated = right(await refresh(core, alice.refreshToken));
    expect(rotated.refreshToken).not.toBe(alice.refreshToken);
    const claims = right(await core.useCases.authenticate.execute(rotated.accessToken));
    expect(claims).toMatchObject({ userId: alice.user.id, sessionId: alice.claims.sessionId });

    core.clock.advance(10_001);
    expect(left(await refresh(core, alice.refreshToken))._tag).toBe('Unauthorized');
  });

  it('answers a retry within the grace with the same successor, and the session lives on', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const first = right(await refresh(core, alice.refreshToken));
    core.clock.advance(9_000);
    const retry = right(await refresh(core, alice.refreshToken));
    expect(retry.refreshToken).toBe(first.refreshToken);
    right(await core.useCases.authenticate.execute(retry.accessToken));
    right(await refresh(core, retry.refreshToken));
  });

  it('gives ten simultaneous refreshes with one token the same successor, without ending the session', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const results = await Promise.all(Array.from({ length: 10 }, () => refresh(core, alice.refreshToken)));
    const successors = new Set(results.map((result) => right(result).refreshToken));
    expect(successors.size).toBe(1);
    const [successor] = successors;
    right(await core.useCases.authenticate.execute(right(results[9]!).accessToken));
    right(await refresh(core, successor!));
  });

  it('has no grace at all when the grace is 0, not even within the same millisecond', async () => {
    const core = buildCore({ REFRESH_REUSE_GRACE_SECONDS: '0' });
    const alice = await core.register('alice');
    const rotated = right(await refresh(core, alice.refreshToken));
    expect(left(await refresh(core, alice.refreshToken))._tag).toBe('Unauthorized');
    expect(left(await refresh(core, rotated.refreshToken))._tag).toBe('Unauthorized');
  });

  it('does not bring a logged-out session back through the grace', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const rotated = right(await refresh(core, alice.refreshToken));
    right(await core.useCases.logOut.execute(alice.claims, { refreshToken: rotated.refreshToken }));
    expect(left(await refresh(core, alice.refreshToken))._tag).toBe('Unauthorized');
    expect(left(await refresh(core, rotated.refreshToken))._tag).toBe('Unauthorized');
  });

  it('revokes the whole family when a rotated token is presented again, leaving other families alone', async () => {
    const core = buildCore();
    const alice = await core.register('alice');
    const otherDevice = right(await logIn(core, 'alice@example.com', PASSWORD));

    const second = right(await refresh(core, alice.refreshToken));
    const third = right(await refresh(core, second.refreshToken));
    core.clock.advance(10_001);
    expect(left(await refresh(core, alice.refreshToken))._tag).toBe('Unauthorized');

    expect(left(await refresh(core, third.refreshToken))._tag).toBe('Unauthorized');
    expect(left(await core.useCases.authenticate.execute(third.accessToken))._tag).toBe('Unauthorized');

    right(await core.useCases.authenticate.execute(otherDevice.accessToken));
    right(await refresh(core, otherDevice.refreshToken));
  });

  it('refuses an expired refresh token', async () => {
    const core = buildCore({ REFRESH_TOKEN_TTL_SECONDS: '120' });
    const alice = await core.register('alice');
    core.clock.advance(121_000);
    expect(left(await refresh(core, alice.refreshToken))._tag).toBe('Unauthorized');
  });

  it('renews the refresh lifetime with every rotation', async () => {
    const core = buildCore({ REFRESH_TOKEN_TTL_SECONDS: '120' });
    const alice = await core.register('alice');
    core.clock.advance(100_000);
    const rotated = right(await refresh(core, alice.refreshToken));
    core.clock.advance(100_000);
    right(await refresh(core, rotated.refreshToken));
  });

  it('refuses an unknown or malformed refresh token', async () => {
    const core = buildCore();
    expect(left(await refresh(core, 'never-issued'))._tag).toBe('Unauthorized');
    expect(left(await core.useCases.refreshSession.execute({ refreshToken: { $ne: '' } }))._tag).toBe('Validation');
  });
});
