import { expect, it } from 'vitest';
import { fetchConversations, sendMessage } from '../support/chat-requests.js';
import {
  expectFailure,
  expectNothingSent,
  registeredPair,
  totalUsers,
  UNKNOWN_ID,
} from '../support/failure-expectations.js';
import { claimsOf, signedWithAppSecret, tamperedToken, unsignedToken } from '../support/forged-tokens.js';
import { uniqueName } from '../support/register-user.js';
import type { E2eApp } from '../support/start-e2e-app.js';

/** The 401, 403, 404 and 409 of the contract's error table: refused, and nothing changed. */
export const refusalCases = (app: () => E2eApp): void => {
  it('401 for a missing, expired, tampered or wrong-algorithm token', async () => {
    const [alice, bob] = await registeredPair(app());
    const claims = claimsOf(alice.accessToken);
    const now = Math.floor(Date.now() / 1000);
    // Control: the same claims re-signed as the app signs them are accepted.
    expect((await app().api('GET', '/api/auth/me', { token: await signedWithAppSecret(claims) })).status).toBe(200);

    const variants: Record<string, Record<string, string>> = {
      missing: {},
      garbage: { authorization: 'Bearer not.a.token' },
      'other scheme': { authorization: `Basic ${alice.accessToken}` },
      expired: { authorization: `Bearer ${await signedWithAppSecret({ ...claims, iat: now - 120, exp: now - 60 })}` },
      tampered: { authorization: `Bearer ${tamperedToken(alice.accessToken, { sub: bob.id })}` },
      'alg none': { authorization: `Bearer ${unsignedToken(claims)}` },
      HS512: { authorization: `Bearer ${await signedWithAppSecret(claims, 'HS512')}` },
      'wrong audience': { authorization: `Bearer ${await signedWithAppSecret({ ...claims, aud: 'someone-else' })}` },
    };
    for (const [what, headers] of Object.entries(variants)) {
      const me = await app().api('GET', '/api/auth/me', { headers });
      expectFailure(me, 401, 'UNAUTHORIZED', what);
      expect(me.headers.get('www-authenticate'), what).toMatch(/^Bearer/);
      const send = await app().api('POST', '/api/messages/send', {
        headers,
        body: { receiverId: bob.id, content: 'forged' },
      });
      expectFailure(send, 401, 'UNAUTHORIZED', `send with ${what}`);
    }
    await expectNothingSent(app(), alice, bob);
  });

  it('403 when authenticated but not allowed', async () => {
    const [alice, bob] = await registeredPair(app());
    const { message } = await sendMessage(app(), alice, bob, 'mine to delete');
    expectFailure(
      await app().api('DELETE', `/api/messages/${message.id}`, { token: bob.accessToken }),
      403,
      'FORBIDDEN',
    );
    expectFailure(
      await app().api('PUT', `/api/messages/${message.id}/read`, { token: alice.accessToken }),
      403,
      'FORBIDDEN',
    );
    const [summary] = await fetchConversations(app(), bob);
    expect(summary?.lastMessage).toMatchObject({ preview: 'mine to delete', isDeleted: false });
    expect(summary?.unreadCount).toBe(1);
  });

  it('404 for what is absent', async () => {
    const [alice, bob] = await registeredPair(app());
    for (const [method, path] of [
      ['GET', `/api/conversations/${UNKNOWN_ID}`],
      ['GET', `/api/conversations/${UNKNOWN_ID}/messages`],
      ['PUT', `/api/conversations/${UNKNOWN_ID}/mark-read`],
      ['PUT', `/api/messages/${UNKNOWN_ID}/read`],
      ['DELETE', `/api/messages/${UNKNOWN_ID}`],
      ['GET', '/api/no-such-route'],
    ] as const) {
      expectFailure(await app().api(method, path, { token: alice.accessToken }), 404, 'NOT_FOUND', path);
    }
    const send = await app().api('POST', '/api/messages/send', {
      token: alice.accessToken,
      body: { receiverId: UNKNOWN_ID, content: 'anyone there?' },
    });
    expectFailure(send, 404, 'NOT_FOUND');
    await expectNothingSent(app(), alice, bob);
  });

  it('409 for a duplicate e-mail or username, ignoring case', async () => {
    const [alice, bob] = await registeredPair(app());
    const before = await totalUsers(app(), alice);
    const password = 'never-echo-this-pw';
    const duplicates = [
      { username: uniqueName('fresh'), email: alice.email.toUpperCase(), password },
      { username: alice.username.toUpperCase(), email: `${uniqueName('fresh')}@example.com`, password },
    ];
    for (const body of duplicates) {
      const res = await app().api('POST', '/api/auth/register', { body });
      expectFailure(res, 409, 'CONFLICT', JSON.stringify(body));
      expect(res.text).not.toContain(password);
    }
    expect(await totalUsers(app(), alice)).toBe(before);

    const rename = await app().api('PUT', '/api/user/profile', {
      token: bob.accessToken,
      body: { username: alice.username.toUpperCase() },
    });
    expectFailure(rename, 409, 'CONFLICT', 'rename');
    const me = await app().api('GET', '/api/auth/me', { token: bob.accessToken });
    expect(me.body.data.user).toMatchObject({ username: bob.username, email: bob.email });
  });
};
