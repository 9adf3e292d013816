import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../src/adapters/http/openapi/openapi-document.js';
import { createResponseValidator } from '../../unit/http/openapi-response-validator.js';
import type { ApiResponse } from '../support/api-client.js';
import { fetchConversations, fetchUnread, sendMessage } from '../support/chat-requests.js';
import { claimsOf, signedWithAppSecret, tamperedToken, unsignedToken } from '../support/forged-tokens.js';
import { registerUser, uniqueName, type TestUser } from '../support/register-user.js';
import { getAcross } from '../support/request-during.js';
import type { E2eApp, StartE2eApp } from '../support/start-e2e-app.js';
import { useE2eApp } from '../support/use-e2e-app.js';

const expectFailure = (res: ApiResponse<unknown>, status: number, code: string, what = ''): void => {
  expect(res.status, `${what} ${res.text}`).toBe(status);
  expect(res.body.success, what).toBe(false);
  expect(res.body.code, what).toBe(code);
};

/** Neither user has any conversation or unread message. */
const expectNothingSent = async (app: E2eApp, ...users: TestUser[]): Promise<void> => {
  for (const user of users) {
    expect(await fetchConversations(app, user)).toEqual([]);
    expect((await fetchUnread(app, user)).unreadCount).toBe(0);
  }
};

const totalUsers = async (app: E2eApp, viewer: TestUser): Promise<number> =>
  (await app.api<{ totalUsers: number }>('GET', '/api/user/online-stats', { token: viewer.accessToken })).body.data
    .totalUsers;

const pair = async (app: E2eApp): Promise<[TestUser, TestUser]> =>
  Promise.all([registerUser(app, 'alice'), registerUser(app, 'bob')]);

const UNKNOWN_ID = 'aaaaaaaaaaaaaaaaaaaaaaaa';

export const describeErrorTableScenarios = (start: StartE2eApp): void => {
  describe('error table of the contract', () => {
    const app = useE2eApp(start);

    it('400 for malformed JSON', async () => {
      const [alice, bob] = await pair(app());
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
      const [alice, bob] = await pair(app());
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
      const [alice, bob] = await pair(app());
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
      const [alice, bob] = await pair(app());
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
      const [alice, bob] = await pair(app());
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

    it('401 for a missing, expired, tampered or wrong-algorithm token', async () => {
      const [alice, bob] = await pair(app());
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
      const [alice, bob] = await pair(app());
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
      const [alice, bob] = await pair(app());
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
      const [alice, bob] = await pair(app());
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

    it('413 for a body over the limit', async () => {
      const [alice, bob] = await pair(app());
      const res = await app().api('POST', '/api/messages/send', {
        token: alice.accessToken,
        body: { receiverId: bob.id, content: 'x'.repeat(110 * 1024) },
      });
      expectFailure(res, 413, 'PAYLOAD_TOO_LARGE');
      await expectNothingSent(app(), alice, bob);
    });

    it('415 for a body that is not JSON', async () => {
      const [alice, bob] = await pair(app());
      const send = await app().api('POST', '/api/messages/send', {
        token: alice.accessToken,
        rawBody: `receiverId=${bob.id}&content=hi`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expectFailure(send, 415, 'UNSUPPORTED_MEDIA_TYPE');
      const plain = await app().api('POST', '/api/messages/send', {
        token: alice.accessToken,
        rawBody: JSON.stringify({ receiverId: bob.id, content: 'hi' }),
        headers: { 'content-type': 'text/plain' },
      });
      expectFailure(plain, 415, 'UNSUPPORTED_MEDIA_TYPE');
      await expectNothingSent(app(), alice, bob);
    });

    it('validation errors never echo the submitted password', async () => {
      const secret = 'Sup3rSecret';
      const bodies = [
        { username: uniqueName('echo'), email: `${uniqueName('echo')}@example.com`, password: secret.slice(0, 7) },
        {
          username: uniqueName('echo'),
          email: `${uniqueName('echo')}@example.com`,
          password: `${secret}${'y'.repeat(70)}`,
        },
        { username: `${secret} !`, email: `${uniqueName('echo')}@example.com`, password: `${secret}-ok-length` },
      ];
      for (const body of bodies) {
        const res = await app().api('POST', '/api/auth/register', { body });
        expectFailure(res, 400, 'VALIDATION_FAILED');
        expect(res.text).not.toContain(secret.slice(0, 7));
      }
      const login = await app().api('POST', '/api/auth/login', {
        body: { email: 'not-an-email', password: `${secret}-login` },
      });
      expectFailure(login, 400, 'VALIDATION_FAILED');
      expect(login.text).not.toContain(secret);
    });

    it("responses carry no password hash, refresh token hash or other users' e-mail", async () => {
      // The client also fails any response naming passwordHash or tokenHash (api-client.ts).
      const [alice, bob] = await pair(app());
      await sendMessage(app(), alice, bob, 'hello');
      for (const path of [
        `/api/user/list?search=${alice.username}`,
        '/api/user/list?limit=100',
        '/api/conversations',
        '/api/messages/unread-count',
      ]) {
        const res = await app().api('GET', path, { token: bob.accessToken });
        expect(res.status).toBe(200);
        expect(res.text, path).not.toContain(alice.email);
        expect(res.text, path).not.toContain(alice.password);
      }
      const me = await app().api('GET', '/api/auth/me', { token: alice.accessToken });
      expect(me.body.data.user.email).toBe(alice.email);
    });

    // 500 is not reachable over HTTP without stubbing a port: the unit tests of the error middleware cover it.
  });

  describe('error table: rate limits (429)', () => {
    const app = useE2eApp(start, { LOGIN_LIMIT_PER_ACCOUNT: '2', API_RATE_LIMIT_POINTS: '15' });

    it('429 with Retry-After for too many logins to one account; even the right password is refused', async () => {
      const user = await registerUser(app(), 'throttled');
      for (let i = 0; i < 2; i += 1) {
        const res = await app().api('POST', '/api/auth/login', { body: { email: user.email, password: 'wrong-pw-1' } });
        expectFailure(res, 401, 'UNAUTHORIZED');
      }
      for (const password of ['wrong-pw-2', user.password]) {
        const res = await app().api('POST', '/api/auth/login', { body: { email: user.email, password } });
        expectFailure(res, 429, 'RATE_LIMITED');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(res.text).not.toContain('accessToken');
      }
    });

    it('429 with Retry-After once the per-client API budget is spent; probes stay open', async () => {
      const user = await registerUser(app(), 'hammer');
      let limited: ApiResponse<unknown> | undefined;
      for (let i = 0; i < 20 && !limited; i += 1) {
        const res = await app().api('GET', '/api/auth/me', { token: user.accessToken });
        if (res.status === 429) limited = res;
        else expect(res.status).toBe(200);
      }
      if (!limited) throw new Error('no 429 after 20 requests with API_RATE_LIMIT_POINTS=15');
      expectFailure(limited, 429, 'RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await app().api('GET', '/health/live')).status).toBe(200);
    });
  });

  describe('error table: service unavailable (503)', () => {
    const app = useE2eApp(start);

    // The embedded app has no backing service to lose; the real-services run covers an outage.
    it('/health/ready answers 503 once shutdown has begun', async () => {
      expect((await app().api('GET', '/health/ready')).status).toBe(200);
      let stopping: Promise<void> | undefined;
      const res = await getAcross(app().url, '/health/ready', () => {
        stopping = app().stop();
      });
      await stopping;
      expect(res.status).toBe(503);
      const body = JSON.parse(res.body) as { code: string };
      expect(body.code).toBe('SERVICE_UNAVAILABLE');
      expect(createResponseValidator(openApiDocument).validate('get', '/health/ready', 503, body)).toBeNull();
    });
  });
};
