import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { connectSocket, refusedConnection, type TestClient } from '../../e2e/support/chat-socket.js';
import { sendMessage } from '../../e2e/support/chat-requests.js';
import { registerUser } from '../../e2e/support/register-user.js';
import type { E2eApp, StartE2eApp } from '../../e2e/support/start-e2e-app.js';
import { useE2eApp } from '../../e2e/support/use-e2e-app.js';
import { eventually } from '../../support/eventually.js';

const LIMITS = { SOCKETS_PER_USER: '4', SOCKET_EVENTS_PER_USER: '12', SOCKET_EVENTS_WINDOW_SECONDS: '600' };

const outcomesOf = async (clients: TestClient[], conversationId: string, perClient: number): Promise<string[]> => {
  const acks = await Promise.all(
    clients.flatMap((client) =>
      Array.from({ length: perClient }, () =>
        client.socket.timeout(5_000).emitWithAck('join_room', { conversationId }),
      ),
    ),
  );
  return acks.map((ack) => (ack.ok ? 'ok' : ack.error.code));
};

/** One user, many sockets: a cap on sockets, one event budget, one typing announcement. */
export const describeFloodScenarios = (start: StartE2eApp, options: { twoProcesses: boolean }): void => {
  describe('floods through many sockets', () => {
    const app = useE2eApp(start, LIMITS);

    it('refuses sockets beyond SOCKETS_PER_USER with too_many_connections, and admits one again after a close', async () => {
      const user = await registerUser(app(), 'hoarder');
      const open = [];
      for (let i = 0; i < 4; i += 1) open.push(await connectSocket(app(), user.accessToken));
      const refused = await refusedConnection(app(), { token: user.accessToken });
      expect(refused.message).toBe('too_many_connections');
      expect(refused.data?.code).toBe('RATE_LIMITED');

      open[0]!.socket.disconnect();
      // The closed socket's presence is released asynchronously: retry until it is.
      await eventually(async () => expect((await connectSocket(app(), user.accessToken)).socket.connected).toBe(true));
    });

    it('shares one event budget among all sockets of a user', async () => {
      const [alice, bob] = await Promise.all([registerUser(app(), 'flooder'), registerUser(app(), 'target')]);
      const sent = await sendMessage(app(), alice, bob, 'hi');
      const tabs = await Promise.all([1, 2, 3].map(() => connectSocket(app(), alice.accessToken)));
      const outcomes = await outcomesOf(tabs, sent.conversation.id, 6);
      expect(outcomes.filter((code) => code === 'ok')).toHaveLength(12);
      expect(outcomes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(6);
      // Someone else's budget is untouched.
      const bobTab = await connectSocket(app(), bob.accessToken);
      expect(await outcomesOf([bobTab], sent.conversation.id, 1)).toEqual(['ok']);
    });

    it('announces typing once per user and conversation, however many sockets type', async () => {
      const [alice, bob] = await Promise.all([registerUser(app(), 'typist'), registerUser(app(), 'reader')]);
      const sent = await sendMessage(app(), alice, bob, 'hi');
      const conversationId = sent.conversation.id;
      const bobTab = await connectSocket(app(), bob.accessToken);
      const tabs = await Promise.all([1, 2, 3].map(() => connectSocket(app(), alice.accessToken)));

      for (const tab of tabs) {
        const ack = await tab.socket.timeout(5_000).emitWithAck('typing_start', { conversationId });
        expect(ack.ok).toBe(true);
      }
      await bobTab.events.take('user_typing', (p) => p.isTyping);
      for (const tab of tabs.slice(0, 2)) {
        expect((await tab.socket.timeout(5_000).emitWithAck('typing_stop', { conversationId })).ok).toBe(true);
      }
      await bobTab.events.expectNone('user_typing', 300, (p) => !p.isTyping);
      expect((await tabs[2]!.socket.timeout(5_000).emitWithAck('typing_stop', { conversationId })).ok).toBe(true);
      await bobTab.events.take('user_typing', (p) => !p.isTyping);
      expect(bobTab.events.all('user_typing').map((p) => p.isTyping)).toEqual([true, false]);
    });

    if (!options.twoProcesses) return;
    it('shares the budget and the socket cap across processes', async () => {
      const shared = randomBytes(4).toString('hex');
      const env = {
        ...LIMITS,
        MONGODB_DB: `e2e_flood_${shared}`,
        REDIS_KEY_PREFIX: `e2e:flood:${shared}:`,
        RABBITMQ_QUEUE: `e2e.flood.${shared}`,
      };
      const processes: E2eApp[] = [await start(env), await start(env)];
      try {
        const [a, b] = processes as [E2eApp, E2eApp];
        const [alice, bob] = await Promise.all([registerUser(a, 'spread'), registerUser(a, 'other')]);
        const sent = await sendMessage(a, alice, bob, 'hi');
        const tabs = [
          await connectSocket(a, alice.accessToken),
          await connectSocket(a, alice.accessToken),
          await connectSocket(b, alice.accessToken),
          await connectSocket(b, alice.accessToken),
        ];
        expect((await refusedConnection(b, { token: alice.accessToken })).message).toBe('too_many_connections');
        const outcomes = await outcomesOf(tabs, sent.conversation.id, 4);
        expect(outcomes.filter((code) => code === 'ok')).toHaveLength(12);
      } finally {
        await Promise.all(processes.map((each) => each.stop()));
      }
    });
  });
};
