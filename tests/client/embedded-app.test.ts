import { describe, expect, it } from 'vitest';
import { SocketTransport } from '../../client/src/socket-transport.js';
import { registerUser } from '../e2e/support/register-user.js';
import { startE2eApp } from '../e2e/support/start-e2e-app.js';
import { useE2eApp } from '../e2e/support/use-e2e-app.js';
import { eventually } from '../support/eventually.js';
import {
  clientsClosedAfterAll,
  expectEachSeenOnce,
  expectSameAsServer,
  loginToken,
  type ClientUnderTest,
} from './support/client-under-test.js';

const { connect, keep } = clientsClosedAfterAll();

const statusOf = (cut: ClientUnderTest, conversationId: string, key: string) =>
  cut.client.messages(conversationId).find((m) => m.key === key)?.status;

describe('the client library on the embedded app', () => {
  describe('two users chatting', () => {
    const app = useE2eApp(startE2eApp);

    it('see each other’s messages once each, with receipts, typing and presence', async () => {
      const alice = await connect(app().url, 'alice');
      const bob = await connect(app().url, 'bob');
      const statuses: string[] = [];
      alice.client.on('message_updated', (m) => statuses.push(m.status));

      const hello = alice.client.send({ receiverId: bob.id }, 'hello bob');
      expect(hello).toMatchObject({ status: 'pending', id: '', seq: 0, mine: true, content: 'hello bob' });
      await eventually(async () => expect(bob.seen.map((m) => m.content)).toEqual(['hello bob']));
      const conversationId = bob.seen[0]!.conversationId;
      await eventually(async () => expect(statusOf(alice, conversationId, hello.key)).toBe('delivered'));
      expect(bob.client.conversations()).toMatchObject([
        { id: conversationId, unreadCount: 1, otherParticipant: { id: alice.id } },
      ]);

      await bob.client.openConversation(conversationId);
      await bob.client.markRead(conversationId);
      expect(bob.client.conversations()[0]?.unreadCount).toBe(0);
      await eventually(async () => expect(statusOf(alice, conversationId, hello.key)).toBe('read'));
      expect(statuses).toEqual(['sent', 'delivered', 'read']);

      const typing: boolean[] = [];
      alice.client.on('typing', (event) => typing.push(event.isTyping));
      bob.client.typing(conversationId);
      await eventually(async () => expect(typing).toEqual([true]));
      bob.client.send({ conversationId }, 'hi alice');
      await eventually(async () => expect(typing).toEqual([true, false]));
      await eventually(async () => expect(alice.seen.map((m) => m.content)).toEqual(['hello bob', 'hi alice']));

      const edits: string[] = [];
      bob.client.on('message_updated', (m) => m.editedAt && edits.push(m.content));
      const token = await loginToken(app().url, alice);
      const edit = await app().api('PUT', `/api/messages/${alice.client.messages(conversationId)[0]!.id}`, {
        token,
        body: { content: 'hello, bob' },
      });
      expect(edit.status).toBe(200);
      await eventually(async () => expect(edits).toEqual(['hello, bob']));

      for (const cut of [alice, bob]) {
        await expectSameAsServer(cut, conversationId);
        expectEachSeenOnce(cut);
      }

      const presence: Array<{ userId: string; online: boolean }> = [];
      alice.client.on('presence', ({ userId, online }) => presence.push({ userId, online }));
      bob.client.close();
      await eventually(async () => expect(presence).toContainEqual({ userId: bob.id, online: false }));
      expect(alice.client.conversations()[0]?.otherParticipant?.isOnline).toBe(false);
    });

    it('show reactions as each user sees them, every change counted once', async () => {
      const alice = await connect(app().url, 'alice');
      const bob = await connect(app().url, 'bob');
      const sent = alice.client.send({ receiverId: bob.id }, 'react to this');
      await eventually(async () => expect(bob.seen.map((m) => m.content)).toEqual(['react to this']));
      const { id: messageId, conversationId } = bob.seen[0]!;
      const reactionsOf = (cut: ClientUnderTest) =>
        cut.client.messages(conversationId).find((m) => m.id === messageId)?.reactions;

      await bob.client.react(messageId, '👍');
      await alice.client.react(messageId, '👍');
      await bob.client.react(messageId, '❤️');
      await bob.client.react(messageId, '👍');
      await alice.client.unreact(messageId, '🙈');
      await eventually(async () =>
        expect(reactionsOf(alice)).toEqual([
          { emoji: '👍', count: 2, reactedByMe: true },
          { emoji: '❤️', count: 1, reactedByMe: false },
        ]),
      );
      expect(reactionsOf(bob)).toEqual([
        { emoji: '👍', count: 2, reactedByMe: true },
        { emoji: '❤️', count: 1, reactedByMe: true },
      ]);

      await bob.client.unreact(messageId, '👍');
      await eventually(async () =>
        expect(reactionsOf(alice)).toEqual([
          { emoji: '👍', count: 1, reactedByMe: true },
          { emoji: '❤️', count: 1, reactedByMe: false },
        ]),
      );
      expect(alice.client.messages(conversationId).find((m) => m.key === sent.key)?.id).toBe(messageId);
    });

    it('share one refresh among concurrent requests when the token is due', async () => {
      const clock = { skewMs: 0 };
      const carol = await connect(app().url, 'carol', { now: () => Date.now() + clock.skewMs });
      const before = carol.refreshTokensSent.length;
      clock.skewMs = 3_600_000; // by the client's clock, the access token is long due
      const lists = await Promise.all(Array.from({ length: 10 }, () => carol.client.listUsers({ limit: 5 })));
      expect(lists.every((list) => Array.isArray(list.users))).toBe(true);
      expect(carol.refreshTokensSent.length - before).toBe(1);
    });

    it('resume a stored login, and a new login as someone else leaves the first one’s outbox alone', async () => {
      const dave = await connect(app().url, 'dave');
      const erin = await connect(app().url, 'erin');
      dave.client.close();
      const { ChatClient, memoryStorage } = await import('../../client/src/index.js');
      const storage = memoryStorage();
      const first = new ChatClient({ baseUrl: app().url, storage });
      await first.login({ email: dave.email, password: dave.password });
      first.close();
      const reloaded = new ChatClient({ baseUrl: app().url, storage });
      keep({ ...dave, client: reloaded });
      expect((await reloaded.resume())?.id).toBe(dave.id);
      await eventually(async () => expect(reloaded.connectionState).toBe('online'));
      reloaded.send({ receiverId: erin.id }, 'after a reload');
      await eventually(async () => expect(erin.seen.map((m) => m.content)).toEqual(['after a reload']));
      const ended: string[] = [];
      reloaded.on('session_ended', ({ reason }) => ended.push(reason));
      await reloaded.logout();
      expect(reloaded.user).toBeNull();
      expect(ended).toEqual([]);
      expect(await new ChatClient({ baseUrl: app().url, storage }).resume()).toBeNull();
    });

    it('end here when the user logs out everywhere from another device', async () => {
      const frank = await connect(app().url, 'frank');
      const { ChatClient } = await import('../../client/src/index.js');
      const phone = new ChatClient({ baseUrl: app().url });
      await phone.login({ email: frank.email, password: frank.password });
      const reasons: string[] = [];
      frank.client.on('session_ended', ({ reason }) => reasons.push(reason));
      await phone.logout({ all: true });
      await eventually(async () => expect(reasons).toEqual(['logout']));
      expect(frank.client.user).toBeNull();
      expect(frank.client.connectionState).toBe('offline');
      expect(() => frank.client.send({ receiverId: frank.id }, 'x')).toThrow(/Not logged in/);
    });

    it('renew a token the handshake refused, and connect with the new one', async () => {
      const user = await registerUser(app(), 'grace');
      let token = 'not-a-valid-token';
      const rejected: string[] = [];
      const states: string[] = [];
      const transport = new SocketTransport({
        baseUrl: app().url,
        token: async () => token,
        tokenRejected: async (refused) => {
          rejected.push(refused);
          token = user.accessToken;
        },
        onState: (state) => states.push(state),
        onConnect: () => undefined,
      });
      await transport.start(() => undefined);
      try {
        await eventually(async () => expect(transport.connected).toBe(true));
        expect(rejected).toEqual(['not-a-valid-token']);
        expect(states).toEqual(['connecting', 'online']);
      } finally {
        transport.close();
      }
    });
  });

  describe('with access tokens that expire every 5 s', () => {
    const app = useE2eApp(startE2eApp, { ACCESS_TOKEN_TTL_SECONDS: '5' });

    it('renews the token and brings the socket back by itself, without presenting a refresh token twice', async () => {
      // One renews ahead of time; the other only when the server refuses its token.
      const early = await connect(app().url, 'early');
      const late = await connect(app().url, 'late', { refreshMarginSeconds: 0 });
      await eventually(
        async () => {
          for (const cut of [early, late]) {
            expect(cut.counts.online).toBeGreaterThanOrEqual(3);
            expect(cut.client.connectionState).toBe('online');
          }
        },
        30_000,
        100,
      );
      early.client.send({ receiverId: late.id }, 'still here?');
      await eventually(async () => expect(late.seen.map((m) => m.content)).toEqual(['still here?']));
      const conversationId = late.seen[0]!.conversationId;
      late.client.send({ conversationId }, 'yes');
      await eventually(async () => expect(early.seen.map((m) => m.content)).toEqual(['still here?', 'yes']));
      for (const cut of [early, late]) {
        expect(cut.counts.endedSessions).toBe(0);
        expect(cut.client.user?.id).toBe(cut.id);
        expect(cut.refreshTokensSent.length).toBeGreaterThanOrEqual(2);
        expect(new Set(cut.refreshTokensSent).size).toBe(cut.refreshTokensSent.length);
        await expectSameAsServer(cut, conversationId);
        expectEachSeenOnce(cut);
      }
    }, 60_000);
  });
});
