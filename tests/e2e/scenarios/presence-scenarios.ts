import { describe, expect, it } from 'vitest';
import { closeSocket, connectSocket } from '../support/chat-socket.js';
import { fetchPublicUser, sendMessage } from '../support/chat-requests.js';
import { registerUser, type TestUser } from '../support/register-user.js';
import type { E2eApp, StartE2eApp } from '../support/start-e2e-app.js';
import { useE2eApp } from '../support/use-e2e-app.js';

const onlineCount = async (app: E2eApp, viewer: TestUser): Promise<number> => {
  const res = await app.api<{ onlineCount: number }>('GET', '/api/user/online-stats', { token: viewer.accessToken });
  expect(res.status).toBe(200);
  return res.body.data.onlineCount;
};

/** Long enough for an event that should not come to have arrived. */
const QUIET_MS = 400;

export const describePresenceScenarios = (start: StartE2eApp): void => {
  describe('presence across tabs', () => {
    const app = useE2eApp(start);

    it('announces a user online with the first tab and offline with the last, to conversation partners only', async () => {
      const alice = await registerUser(app(), 'alice');
      const bob = await registerUser(app(), 'bob');
      const carol = await registerUser(app(), 'carol');
      await sendMessage(app(), alice, bob, 'hi');
      const aliceClient = await connectSocket(app(), alice.accessToken);
      const carolClient = await connectSocket(app(), carol.accessToken);
      const baseline = await onlineCount(app(), alice);
      const aboutBob = (p: { userId: string }) => p.userId === bob.id;

      const firstTab = await connectSocket(app(), bob.accessToken);
      const online = await aliceClient.events.take('user_online', aboutBob);
      expect(online).toMatchObject({ userId: bob.id, username: bob.username });
      const secondTab = await connectSocket(app(), bob.accessToken);
      await aliceClient.events.expectNone('user_online', QUIET_MS, (p) => p !== online && aboutBob(p));
      expect(aliceClient.events.all('user_online', aboutBob)).toHaveLength(1);
      expect(await onlineCount(app(), alice)).toBe(baseline + 1);
      expect((await fetchPublicUser(app(), alice, bob)).isOnline).toBe(true);

      await closeSocket(app(), firstTab);
      await aliceClient.events.expectNone('user_offline', QUIET_MS, aboutBob);
      expect(await onlineCount(app(), alice)).toBe(baseline + 1);

      await closeSocket(app(), secondTab);
      const offline = await aliceClient.events.take('user_offline', aboutBob);
      const seen = await fetchPublicUser(app(), alice, bob);
      expect(seen).toMatchObject({ isOnline: false, lastSeen: offline.lastSeen });
      expect(await onlineCount(app(), alice)).toBe(baseline);

      expect(carolClient.events.all('user_online', aboutBob)).toEqual([]);
      expect(carolClient.events.all('user_offline', aboutBob)).toEqual([]);
    });
  });
};
