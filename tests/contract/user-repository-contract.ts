import { beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../src/domain/user.js';
import type { UserRepository } from '../../src/ports/user-repository.js';
import { at, idSequence, T0 } from './contract-ids.js';

/** Each call gives an empty repository. */
export type UserRepositoryFactory = () => Promise<UserRepository>;

export const describeUserRepositoryContract = (implementationName: string, factory: UserRepositoryFactory): void => {
  describe(`UserRepository contract: ${implementationName}`, () => {
    let repository: UserRepository;
    let nextId: () => string;

    beforeEach(async () => {
      repository = await factory();
      nextId = idSequence();
    });

    const aUser = (username: string, overrides: Partial<User> = {}): User => ({
      id: nextId(),
      username,
      usernameLower: username.toLowerCase(),
      email: `${username.toLowerCase()}@example.com`,
      passwordHash: `hash-of-${username}`,
      isActive: true,
      lastSeen: null,
      createdAt: new Date(T0),
      updatedAt: new Date(T0),
      ...overrides,
    });

    const inserted = async (username: string, overrides: Partial<User> = {}): Promise<User> => {
      const result = await repository.insert(aUser(username, overrides));
      if ('duplicate' in result) throw new Error(`unexpected duplicate ${result.duplicate}`);
      return result;
    };

    it('stores a user and finds it by id and by e-mail (compared lower-cased)', async () => {
      const alice = aUser('Alice', { email: 'Alice@Example.COM', lastSeen: at(5) });
      const stored = await repository.insert(alice);

      const expected = { ...alice, email: 'alice@example.com', usernameLower: 'alice' };
      expect(stored).toEqual(expected);
      expect(await repository.findById(alice.id)).toEqual(expected);
      expect(await repository.findByEmail('  ALICE@example.com ')).toEqual(expected);
      expect(await repository.findByEmail('bob@example.com')).toBeNull();
    });

    it('finds nothing for an unknown or malformed id', async () => {
      await inserted('alice');
      expect(await repository.findById(nextId())).toBeNull();
      expect(await repository.findById('not-an-id')).toBeNull();
      expect(await repository.findByIds(['not-an-id'])).toEqual([]);
      expect(await repository.update('not-an-id', { username: 'x' }, T0)).toBeNull();
    });

    it('finds the existing users among several ids', async () => {
      const alice = await inserted('alice');
      const bob = await inserted('bob');
      await inserted('carol');

      const found = await repository.findByIds([bob.id, nextId(), alice.id]);
      expect(found.map((user) => user.username).sort()).toEqual(['alice', 'bob']);
      expect(await repository.findByIds([])).toEqual([]);
    });

    it('refuses a second account with the same e-mail in another case, and stores nothing', async () => {
      await inserted('alice', { email: 'alice@example.com' });
      expect(await repository.insert(aUser('alice2', { email: 'ALICE@example.com' }))).toEqual({ duplicate: 'email' });
      expect(await repository.count()).toBe(1);
    });

    it('refuses a second account with the same username in another case, and stores nothing', async () => {
      await inserted('alice');
      expect(await repository.insert(aUser('ALICE', { email: 'other@example.com' }))).toEqual({
        duplicate: 'username',
      });
      expect(await repository.count()).toBe(1);
    });

    it('lists users sorted by username case-insensitively, in 1-based pages, with the total', async () => {
      for (const name of ['delta', 'Bravo', 'alpha', 'Echo', 'charlie']) await inserted(name);

      const first = await repository.list({ page: 1, limit: 2 });
      expect(first.users.map((user) => user.username)).toEqual(['alpha', 'Bravo']);
      expect(first.total).toBe(5);
      const third = await repository.list({ page: 3, limit: 2 });
      expect(third.users.map((user) => user.username)).toEqual(['Echo']);
      expect(third.total).toBe(5);
      expect((await repository.list({ page: 4, limit: 2 })).users).toEqual([]);
    });

    it('searches a case-insensitive substring of the username', async () => {
      for (const name of ['Johnny', 'ajohn', 'JOHN_doe', 'mary']) await inserted(name);

      const found = await repository.list({ page: 1, limit: 10, search: 'JoHn' });
      expect(found.users.map((user) => user.username)).toEqual(['ajohn', 'JOHN_doe', 'Johnny']);
      expect(found.total).toBe(3);
      const paged = await repository.list({ page: 2, limit: 2, search: 'john' });
      expect(paged.users.map((user) => user.username)).toEqual(['Johnny']);
      expect(paged.total).toBe(3);
    });

    it('takes regular-expression characters in a search literally', async () => {
      for (const name of ['abc', 'a_c', 'xyz']) await inserted(name);

      expect((await repository.list({ page: 1, limit: 10, search: 'a.c' })).total).toBe(0);
      expect((await repository.list({ page: 1, limit: 10, search: '.*' })).total).toBe(0);
      expect((await repository.list({ page: 1, limit: 10, search: '(' })).total).toBe(0);
      expect((await repository.list({ page: 1, limit: 10, search: '[a-z]' })).total).toBe(0);
      expect((await repository.list({ page: 1, limit: 10, search: 'a_' })).users.map((u) => u.username)).toEqual([
        'a_c',
      ]);
    });

    it('counts users and lists the ids of active ones', async () => {
      const alice = await inserted('alice');
      await inserted('bob', { isActive: false });
      const carol = await inserted('carol');

      expect(await repository.count()).toBe(3);
      expect((await repository.listActiveIds()).sort()).toEqual([alice.id, carol.id].sort());
    });

    it('updates username and e-mail (normalised) and the update time', async () => {
      const alice = await inserted('alice');

      const updated = await repository.update(alice.id, { username: 'Alicia', email: 'ALICIA@example.com' }, at(60));
      const expected = {
        ...alice,
        username: 'Alicia',
        usernameLower: 'alicia',
        email: 'alicia@example.com',
        updatedAt: at(60),
      };
      expect(updated).toEqual(expected);
      expect(await repository.findById(alice.id)).toEqual(expected);
      expect(await repository.findByEmail('alicia@example.com')).toEqual(expected);
      expect(await repository.findByEmail('alice@example.com')).toBeNull();
    });

    it('lets a user change the case of their own username and keep their e-mail', async () => {
      const alice = await inserted('alice');
      const updated = await repository.update(alice.id, { username: 'ALICE', email: alice.email }, at(1));
      expect(updated).toMatchObject({ username: 'ALICE', usernameLower: 'alice', email: alice.email });
    });

    it('frees the old username and e-mail after a change', async () => {
      const alice = await inserted('alice');
      await repository.update(alice.id, { username: 'alicia', email: 'alicia@example.com' }, at(1));
      await expect(inserted('Alice', { email: 'alice@example.com' })).resolves.toMatchObject({ username: 'Alice' });
    });

    it('returns null when updating a user that does not exist', async () => {
      expect(await repository.update(nextId(), { username: 'ghost' }, T0)).toBeNull();
    });

    it('reports an update onto a taken e-mail or username as a duplicate and changes nothing', async () => {
      const alice = await inserted('alice');
      const bob = await inserted('bob');

      expect(await repository.update(bob.id, { email: 'ALICE@example.com' }, at(1))).toEqual({ duplicate: 'email' });
      expect(await repository.update(bob.id, { username: 'Alice' }, at(1))).toEqual({ duplicate: 'username' });
      expect(await repository.findById(bob.id)).toEqual(bob);
      expect(await repository.findById(alice.id)).toEqual(alice);
    });

    it('records when a user was last seen', async () => {
      const alice = await inserted('alice');
      await repository.setLastSeen(alice.id, at(30));
      expect((await repository.findById(alice.id))?.lastSeen).toEqual(at(30));
      await repository.setLastSeen(nextId(), at(30));
    });

    it('hands out copies: changing what it returned or was given does not change what it stores', async () => {
      const input = aUser('alice', { lastSeen: at(1) });
      const stored = await repository.insert(input);
      (input.createdAt as Date).setTime(0);
      (input as { username: string }).username = 'mallory';
      if ('duplicate' in stored) throw new Error('unexpected duplicate');
      (stored.lastSeen as Date).setTime(0);
      const found = await repository.findById(stored.id);
      (found?.updatedAt as Date).setTime(0);

      expect(await repository.findById(stored.id)).toMatchObject({
        username: 'alice',
        createdAt: T0,
        updatedAt: T0,
        lastSeen: at(1),
      });
    });
  });
};
