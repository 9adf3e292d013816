import { describe, expect, it } from 'vitest';
import { connectSocket, refusedConnection } from '../../e2e/support/chat-socket.js';
import { claimsOf, signedWithAppSecret, tamperedToken, unsignedToken } from '../../e2e/support/forged-tokens.js';
import { nextDisconnect, nextEvent } from '../../e2e/support/next-event.js';
import { registerUser } from '../../e2e/support/register-user.js';
import type { StartE2eApp } from '../../e2e/support/start-e2e-app.js';
import { useE2eApp } from '../../e2e/support/use-e2e-app.js';

export const describeSocketAuthScenarios = (start: StartE2eApp): void => {
  describe('socket authentication', () => {
    const app = useE2eApp(start);

    it('refuses a socket without a token or with a bad, tampered or wrong-algorithm token', async () => {
      const user = await registerUser(app(), 'socketeer');
      const other = await registerUser(app(), 'victim');
      const claims = claimsOf(user.accessToken);
      const refusals = {
        'no token': await refusedConnection(app()),
        garbage: await refusedConnection(app(), { token: 'not-a-jwt' }),
        tampered: await refusedConnection(app(), { token: tamperedToken(user.accessToken, { sub: other.id }) }),
        'alg none': await refusedConnection(app(), { token: unsignedToken(claims) }),
        HS512: await refusedConnection(app(), { token: await signedWithAppSecret(claims, 'HS512') }),
        'bad Authorization header': await refusedConnection(app(), {}, { authorization: 'Bearer nope' }),
      };
      for (const [name, error] of Object.entries(refusals)) expect(error.message, name).toBe('unauthorized');

      // The same claims signed as the app signs them connect: the refusals are about what was changed.
      await connectSocket(app(), await signedWithAppSecret(claims));
      await connectSocket(app(), user.accessToken);
    });
  });

  describe('socket token expiry', () => {
    const app = useE2eApp(start, { ACCESS_TOKEN_TTL_SECONDS: '5' });

    it('disconnects a socket once its access token expires, and the token then fails everywhere', async () => {
      const user = await registerUser(app(), 'expiring');
      const client = await connectSocket(app(), user.accessToken);
      const expiresAt = (claimsOf(user.accessToken).exp ?? 0) * 1000;

      const warning = nextEvent(client.socket, 'error', 8_000);
      const reason = await nextDisconnect(client.socket, 8_000);
      expect(reason).toBe('io server disconnect');
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 50);
      expect(await warning).toEqual({ code: 'UNAUTHORIZED', message: 'token expired' });

      const rest = await app().api('GET', '/api/auth/me', { token: user.accessToken });
      expect(rest.status).toBe(401);
      expect(rest.body.code).toBe('UNAUTHORIZED');
      expect((await refusedConnection(app(), { token: user.accessToken })).message).toBe('unauthorized');

      // The client's way back: refresh, then connect with the new token.
      const renewed = await app().api<{ accessToken: string }>('POST', '/api/auth/refresh', {
        body: { refreshToken: user.refreshToken },
      });
      expect(renewed.status).toBe(200);
      await connectSocket(app(), renewed.body.data.accessToken);
    });
  });
};
