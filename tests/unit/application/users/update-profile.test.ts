import { describe, expect, it } from 'vitest';
import { buildCore, left, right } from '../../../support/build-core.js';
import { registerAll } from '../support.js';

describe('updating the profile', () => {
  it('changes the username; login still works and the old name is free again', async () => {
    const core = buildCore();
    const [alice] = await registerAll(core, ['alice']);
    const { user } = right(await core.useCases.updateProfile.execute(alice!.claims, { username: 'Alicia' }));
    expect(user).toMatchObject({ id: alice!.user.id, username: 'Alicia', email: 'alice@example.com' });
    expect((await core.infrastructure.users.findById(alice!.user.id))?.username).toBe('Alicia');

    const loggedIn = right(
      await core.useCases.logIn.execute({ email: 'alice@example.com', password: 'correct horse battery' }, '::1'),
    );
    expect(loggedIn.user.username).toBe('Alicia');

    right(
      await core.useCases.registerUser.execute(
        {
          username: 'alice',
          email: 'second@example.com',
          password: 'correct horse battery',
        },
        '203.0.113.9',
      ),
    );
    expect(await core.infrastructure.users.count()).toBe(2);
  });

  it('refuses a username taken in another case with a Conflict, leaving the profile unchanged', async () => {
    const core = buildCore();
    const [alice] = await registerAll(core, ['alice', 'Bob']);
    const error = left(await core.useCases.updateProfile.execute(alice!.claims, { username: 'BOB' }));
    expect(error).toMatchObject({ _tag: 'Conflict', errors: [{ field: 'username' }] });
    expect((await core.infrastructure.users.findById(alice!.user.id))?.username).toBe('alice');
  });

  it('lets a user change only the case of their own name', async () => {
    const core = buildCore();
    const [alice] = await registerAll(core, ['alice']);
    const { user } = right(await core.useCases.updateProfile.execute(alice!.claims, { username: 'ALICE' }));
    expect(user.username).toBe('ALICE');
  });

  it('changes the e-mail (stored lower-case) and refuses a taken one', async () => {
    const core = buildCore();
    const [alice] = await registerAll(core, ['alice', 'bob']);
    const { user } = right(await core.useCases.updateProfile.execute(alice!.claims, { email: 'New@Example.com' }));
    expect(user.email).toBe('new@example.com');
    right(await core.useCases.logIn.execute({ email: 'new@example.com', password: 'correct horse battery' }, '::1'));

    const error = left(await core.useCases.updateProfile.execute(alice!.claims, { email: 'BOB@example.com' }));
    expect(error).toMatchObject({ _tag: 'Conflict', errors: [{ field: 'email' }] });
  });

  it.each([
    ['an empty body', {}],
    ['an invalid username', { username: 'a b' }],
    ['an invalid e-mail', { email: 'nope' }],
    ['an operator object', { username: { $gt: '' } }],
  ])('refuses %s with a Validation error', async (_name, body) => {
    const core = buildCore();
    const [alice] = await registerAll(core, ['alice']);
    expect(left(await core.useCases.updateProfile.execute(alice!.claims, body))._tag).toBe('Validation');
    expect((await core.infrastructure.users.findById(alice!.user.id))?.username).toBe('alice');
  });
});
