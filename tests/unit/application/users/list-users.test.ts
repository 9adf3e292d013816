import { describe, expect, it } from 'vitest';
import type { AccessClaims } from '../../../../src/ports/token-service.js';
import { buildCore, left, right } from '../../../support/build-core.js';
import { registerAll } from '../support.js';

/** Someone listing users who blocks nobody and whom nobody blocks. */
const VIEWER: AccessClaims = {
  userId: 'ffffffffffffffffffffffff',
  username: 'viewer',
  sessionId: 'viewer-session',
  expiresAt: new Date('2099-01-01T00:00:00.000Z'),
};

const usernames = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `user_${String(i).padStart(2, '0')}`);

describe('listing users', () => {
  it('pages through users sorted by name with page, limit, total, totalPages and hasNext', async () => {
    const core = buildCore();
    await registerAll(core, usernames(12));

    const first = right(await core.useCases.listUsers.execute(VIEWER, { page: '1', limit: '5' }));
    expect(first.users.map((u) => u.username)).toEqual(['user_00', 'user_01', 'user_02', 'user_03', 'user_04']);
    expect(first.pagination).toEqual({ page: 1, limit: 5, total: 12, totalPages: 3, hasNext: true });

    const last = right(await core.useCases.listUsers.execute(VIEWER, { page: 3, limit: 5 }));
    expect(last.users.map((u) => u.username)).toEqual(['user_10', 'user_11']);
    expect(last.pagination).toEqual({ page: 3, limit: 5, total: 12, totalPages: 3, hasNext: false });

    const beyond = right(await core.useCases.listUsers.execute(VIEWER, { page: 4, limit: 5 }));
    expect(beyond.users).toEqual([]);
    expect(beyond.pagination.hasNext).toBe(false);
  });

  it('defaults to page 1 and limit 10', async () => {
    const core = buildCore();
    await registerAll(core, usernames(11));
    const result = right(await core.useCases.listUsers.execute(VIEWER, {}));
    expect(result.users).toHaveLength(10);
    expect(result.pagination).toEqual({ page: 1, limit: 10, total: 11, totalPages: 2, hasNext: true });
  });

  it('shows public fields only, never the e-mail address', async () => {
    const core = buildCore();
    await registerAll(core, ['alice']);
    const { users } = right(await core.useCases.listUsers.execute(VIEWER, {}));
    expect(Object.keys(users[0]!).sort()).toEqual(['id', 'isOnline', 'lastSeen', 'username']);
    expect(JSON.stringify(users)).not.toContain('@example.com');
  });

  it('searches a case-insensitive substring of the username', async () => {
    const core = buildCore();
    await registerAll(core, ['Alice', 'malice', 'ALIBI', 'bob']);
    const result = right(await core.useCases.listUsers.execute(VIEWER, { search: 'ALI' }));
    expect(result.users.map((u) => u.username)).toEqual(['ALIBI', 'Alice', 'malice']);
    expect(result.pagination.total).toBe(3);
    const prefix = right(await core.useCases.listUsers.execute(VIEWER, { search: 'lic' }));
    expect(prefix.users.map((u) => u.username)).toEqual(['Alice', 'malice']);
  });

  it.each(['.', '.*', '^a', '[a-z]', 'a|b', '(a)', '\\'])(
    'takes regex characters literally: %s finds nothing',
    async (search) => {
      const core = buildCore();
      await registerAll(core, ['a_b', 'abc', 'aab']);
      const result = right(await core.useCases.listUsers.execute(VIEWER, { search }));
      expect(result.users).toEqual([]);
      expect(result.pagination.total).toBe(0);
    },
  );

  it('finds an underscore literally', async () => {
    const core = buildCore();
    await registerAll(core, ['a_b', 'abc']);
    const result = right(await core.useCases.listUsers.execute(VIEWER, { search: '_' }));
    expect(result.users.map((u) => u.username)).toEqual(['a_b']);
  });

  it.each([
    ['limit 0', { limit: 0 }, 'limit'],
    ['limit 101', { limit: 101 }, 'limit'],
    ['limit abc', { limit: 'abc' }, 'limit'],
    ['limit 1.5', { limit: '1.5' }, 'limit'],
    ['page 0', { page: '0' }, 'page'],
    ['an operator object as search', { search: { $regex: '.*' } }, 'search'],
  ])('refuses %s with a Validation error', async (_name, query, field) => {
    const core = buildCore();
    const error = left(await core.useCases.listUsers.execute(VIEWER, query));
    expect(error).toMatchObject({ _tag: 'Validation', errors: [{ field }] });
  });

  it('accepts limits 1 and 100', async () => {
    const core = buildCore();
    await registerAll(core, ['alice', 'bob']);
    expect(right(await core.useCases.listUsers.execute(VIEWER, { limit: '1' })).users).toHaveLength(1);
    expect(right(await core.useCases.listUsers.execute(VIEWER, { limit: '100' })).users).toHaveLength(2);
  });

  it('reflects presence in isOnline and lastSeen', async () => {
    const core = buildCore();
    const [alice, bob] = await registerAll(core, ['alice', 'bob']);
    await core.useCases.trackPresence.admit({ id: alice!.user.id, username: 'alice' }, 'socket-1');

    const online = right(await core.useCases.listUsers.execute(VIEWER, {}));
    expect(online.users.map((u) => [u.username, u.isOnline])).toEqual([
      ['alice', true],
      ['bob', false],
    ]);

    core.clock.advance(1_000);
    await core.useCases.trackPresence.disconnected(alice!.user.id, 'socket-1');
    const offline = right(await core.useCases.listUsers.execute(VIEWER, {}));
    const aliceAfter = offline.users.find((u) => u.id === alice!.user.id);
    expect(aliceAfter).toMatchObject({ isOnline: false, lastSeen: core.clock.now().toISOString() });
    expect(offline.users.find((u) => u.id === bob!.user.id)?.lastSeen).toBeNull();
  });
});
