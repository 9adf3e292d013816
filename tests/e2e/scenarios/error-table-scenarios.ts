import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../src/adapters/http/openapi/openapi-document.js';
import { createResponseValidator } from '../../unit/http/openapi-response-validator.js';
import type { ApiResponse } from '../support/api-client.js';
import { sendMessage } from '../support/chat-requests.js';
import { expectFailure, expectNothingSent, registeredPair } from '../support/failure-expectations.js';
import { registerUser, uniqueName } from '../support/register-user.js';
import { getAcross } from '../support/request-during.js';
import type { StartE2eApp } from '../support/start-e2e-app.js';
import { useE2eApp } from '../support/use-e2e-app.js';
import { badRequestCases } from './error-table-bad-request-cases.js';
import { refusalCases } from './error-table-refusal-cases.js';

export const describeErrorTableScenarios = (start: StartE2eApp): void => {
  describe('error table of the contract', () => {
    const app = useE2eApp(start);
    badRequestCases(app);
    refusalCases(app);

    it('413 for a body over the limit', async () => {
      const [alice, bob] = await registeredPair(app());
      const res = await app().api('POST', '/api/messages/send', {
        token: alice.accessToken,
        body: { receiverId: bob.id, content: 'x'.repeat(110 * 1024) },
      });
      expectFailure(res, 413, 'PAYLOAD_TOO_LARGE');
      await expectNothingSent(app(), alice, bob);
    });

    it('415 for a body that is not JSON', async () => {
      const [alice, bob] = await registeredPair(app());
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
      const [alice, bob] = await registeredPair(app());
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
