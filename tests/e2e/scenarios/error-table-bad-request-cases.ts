import { expect, it } from 'vitest';
import { fetchConversations, fetchUnread, sendMessage } from '../support/chat-requests.js';
import { expectFailure, expectNothingSent, registeredPair, totalUsers } from '../support/failure-expectations.js';
import { uniqueName } from '../support/register-user.js';
import type { E2eApp } from '../support/start-e2e-app.js';

/** The 400s of the contract's error table: whatever is malformed changes nothing. */
export const badRequestCases = (app: () => E2eApp): void => {
  it('400 for malformed JSON', async () => {
    const [alice, bob] = await registeredPair(app());
    const send = await app().api('POST', '/api/messages/send', {
      token: alice.accessToken,
      rawBody: `{"receiverId": "${bob.id}", "content": "hi"`,
    });
    expectFailure(send, 400, 'VALIDATION_FAILED');
    const before = await totalUsers(app(), alice);
    const register = await app().api('POST', '/api/auth/register', { rawBody: '{"username": "x", ' });
    expectFailure(register, 400, 'VALIDATION_FAILED');
    expect(await totalUsers(app(), alice)).toBe(before);
    await expectNothingSent(app(), alice, bob);
  });

  it('400 with field errors for wrong types', async () => {
    const [alice, bob] = await registeredPair(app());
    const before = await totalUsers(app(), alice);
    const register = await app().api('POST', '/api/auth/register', {
      body: { username: 12345, email: ['x@example.com'], password: true },
    });
    expectFailure(register, 400, 'VALIDATION_FAILED');
    expect(register.body.errors?.map((e) => e.field).sort()).toEqual(['email', 'password', 'username']);
    expect(await totalUsers(app(), alice)).toBe(before);

    const wrongTypes: Array<[unknown, string]> = [
      [{ receiverId: bob.id, content: 42 }, 'content'],
      [{ receiverId: bob.id, content: 'hi', clientMessageId: 7 }, 'clientMessageId'],
      [{ receiverId: 123, content: 'hi' }, 'receiverId'],
      [[bob.id, 'hi'], 'body'],
    ];
    for (const [body, field] of wrongTypes) {
      const res = await app().api('POST', '/api/messages/send', { token: alice.accessToken, body });
      expectFailure(res, 400, 'VALIDATION_FAILED', JSON.stringify(body));
      expect(
        res.body.errors?.map((e) => e.field),
        JSON.stringify(body),
      ).toEqual([field]);
    }
    // A bare JSON string is refused by the strict body parser (no field errors then).
    const scalar = await app().api('POST', '/api/messages/send', { token: alice.accessToken, body: 'hi' });
    expectFailure(scalar, 400, 'VALIDATION_FAILED', 'scalar body');
    await expectNothingSent(app(), alice, bob);
  });

  it('400 for out-of-range values', async () => {
    const [alice, bob] = await registeredPair(app());
    const { conversation } = await sendMessage(app(), alice, bob, 'the only one');
    for (const path of [
      `/api/conversations/${conversation.id}/messages?limit=0`,
      `/api/conversations/${conversation.id}/messages?limit=101`,
      `/api/conversations/${conversation.id}/messages?page=0`,
      `/api/conversations/${conversation.id}/messages?limit=-5`,
      `/api/conversations/${conversation.id}/messages?limit=ten`,
      '/api/user/list?limit=0',
      '/api/user/list?limit=101',
      '/api/user/list?page=0',
      '/api/conversations?limit=0',
      '/api/conversations?limit=101',
    ]) {
      expectFailure(await app().api('GET', path, { token: alice.accessToken }), 400, 'VALIDATION_FAILED', path);
    }
    for (const content of ['', '   ', 'x'.repeat(1001)]) {
      const res = await app().api('POST', '/api/messages/send', {
        token: alice.accessToken,
        body: { receiverId: bob.id, content },
      });
      expectFailure(res, 400, 'VALIDATION_FAILED', `content of ${content.length}`);
    }
    const self = await app().api('POST', '/api/messages/send', {
      token: alice.accessToken,
      body: { receiverId: alice.id, content: 'note to self' },
    });
    expectFailure(self, 400, 'VALIDATION_FAILED', 'to yourself');
    const register = await app().api('POST', '/api/auth/register', {
      body: { username: 'ab', email: `${uniqueName('short')}@example.com`, password: 'long enough pw' },
    });
    expectFailure(register, 400, 'VALIDATION_FAILED', 'username too short');
    expect((await fetchUnread(app(), bob)).unreadCount).toBe(1);
  });

  it('400 for an invalid id format', async () => {
    const [alice, bob] = await registeredPair(app());
    const { conversation, message } = await sendMessage(app(), alice, bob, 'keep me');
    const attempts: Array<[string, string, object?]> = [
      ['GET', '/api/conversations/not-an-id'],
      ['GET', '/api/conversations/not-an-id/messages'],
      ['GET', `/api/conversations/${conversation.id}/messages?before=xyz`],
      ['GET', `/api/conversations/${conversation.id}/messages?after=${message.id.toUpperCase()}`],
      ['PUT', '/api/conversations/123/mark-read'],
      ['PUT', '/api/messages/xyz/read'],
      ['DELETE', '/api/messages/xyz'],
      ['POST', '/api/messages/send', { receiverId: 'abc', content: 'hi' }],
      ['POST', '/api/messages/send', { conversationId: `${conversation.id}0`, content: 'hi' }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await app().api(method, path, { token: bob.accessToken, ...(body ? { body } : {}) });
      expectFailure(res, 400, 'VALIDATION_FAILED', `${method} ${path}`);
    }
    expect((await fetchUnread(app(), bob)).unreadCount).toBe(1);
    const [summary] = await fetchConversations(app(), alice);
    expect(summary?.lastMessage).toMatchObject({ id: message.id, preview: 'keep me' });
  });

  it('400 for operator objects where strings belong, and the login does not succeed', async () => {
    const [alice, bob] = await registeredPair(app());
    const operator = { $gt: '' };
    for (const body of [
      { email: operator, password: operator },
      { email: alice.email, password: operator },
      { email: { $regex: '.*' }, password: alice.password },
    ]) {
      const res = await app().api('POST', '/api/auth/login', { body });
      expectFailure(res, 400, 'VALIDATION_FAILED', JSON.stringify(body));
      expect(res.text).not.toContain('accessToken');
    }
    expectFailure(
      await app().api('POST', '/api/auth/refresh', { body: { refreshToken: operator } }),
      400,
      'VALIDATION_FAILED',
    );
    for (const body of [
      { receiverId: operator, content: 'hi' },
      { conversationId: { $ne: null }, content: 'hi' },
      { receiverId: bob.id, content: { $gt: '' } },
    ]) {
      const res = await app().api('POST', '/api/messages/send', { token: alice.accessToken, body });
      expectFailure(res, 400, 'VALIDATION_FAILED', JSON.stringify(body));
    }
    await expectNothingSent(app(), alice, bob);
  });
};
