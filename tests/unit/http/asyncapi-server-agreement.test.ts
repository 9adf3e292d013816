import { io as connectClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AsyncApiDocument } from '../../../src/adapters/http/asyncapi/asyncapi-document.js';
import { clientEvents } from '../../../src/adapters/http/asyncapi/client-events.js';
import type { ClientEventName } from '../../../src/adapters/http/asyncapi/event-doc-types.js';
import { serverEvents } from '../../../src/adapters/http/asyncapi/server-events.js';
import { groupServerEvents } from '../../../src/adapters/http/asyncapi/group-event-catalog.js';
import { startApp, type RunningApp } from '../../../src/bootstrap/app.js';
import type {
  ClientToServerEvents,
  ServerEventName,
  ServerEventPayload,
  ServerToClientEvents,
} from '../../../src/ports/realtime-events.js';
import { testConfig } from '../../support/build-core.js';
import { CLIENT_EVENT_CASES } from './asyncapi-cases.js';
import { createMessageValidator } from './asyncapi-validator.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type Ack = { ok: true } | { ok: false; error: { code: string; message: string } };

const WAIT_MS = 15_000;

interface Account {
  readonly id: string;
  readonly accessToken: string;
}

/** The server as a client without the SDK sees it: REST for accounts, Socket.IO for the rest. */
describe('the server agrees with its AsyncAPI document', () => {
  let app: RunningApp;
  let validator: ReturnType<typeof createMessageValidator>;
  const sockets: Client[] = [];

  const register = async (username: string): Promise<Account> => {
    const res = await fetch(`${app.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, email: `${username}@example.com`, password: 'correct horse battery' }),
    });
    const body = (await res.json()) as { data: { user: { id: string }; accessToken: string } };
    expect(res.status).toBe(201);
    return { id: body.data.user.id, accessToken: body.data.accessToken };
  };

  const connect = async (account: Account): Promise<Client> => {
    const socket: Client = connectClient(app.url, {
      auth: { token: account.accessToken },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  };

  /** The next `event` on the socket, checked against the document. */
  const next = <E extends ServerEventName>(socket: Client, event: E): Promise<ServerEventPayload<E>> => {
    const payload = new Promise<ServerEventPayload<E>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within ${WAIT_MS} ms`)), WAIT_MS);
      socket.once(
        event as 'resync',
        ((received: ServerEventPayload<E>) => {
          clearTimeout(timer);
          const problems = validator.problems(`server.${event}`, received);
          if (problems === null) resolve(received);
          else reject(new Error(`${event} ${JSON.stringify(received)} breaks the document: ${problems}`));
        }) as never,
      );
    });
    // Awaited after the action that triggers it: a rejection in between is not an unhandled one.
    payload.catch(() => undefined);
    return payload;
  };

  /** Emits with an ack callback; the ack must match the document. */
  const emit = async (socket: Client, event: ClientEventName, payload: unknown): Promise<Ack> => {
    const ack = (await (socket.timeout(WAIT_MS) as unknown as Socket).emitWithAck(event, payload)) as Ack;
    expect(validator.problems(`server.${event}.ack`, ack), `${event} ack ${JSON.stringify(ack)}`).toBeNull();
    return ack;
  };

  beforeAll(async () => {
    app = await startApp(testConfig({ PORT: '0', HOST: '127.0.0.1', ROLES: 'api', SOCKET_EVENTS_PER_USER: '100000' }));
    const served = (await (await fetch(`${app.url}/api-docs/asyncapi.json`)).json()) as AsyncApiDocument;
    validator = createMessageValidator(served);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await app?.stop();
  });

  it('refuses every payload the document refuses with VALIDATION_FAILED, and lets every valid one past decoding', async () => {
    const alice = await connect(await register('agree_alice'));
    for (const event of Object.keys(clientEvents) as ClientEventName[]) {
      for (const { payload } of CLIENT_EVENT_CASES[event].invalid) {
        const ack = await emit(alice, event, payload);
        expect(ack, `${event} ${JSON.stringify(payload)}`).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION_FAILED' },
        });
      }
      for (const payload of [clientEvents[event].example, ...CLIENT_EVENT_CASES[event].valid]) {
        const ack = await emit(alice, event, payload);
        // The example ids name nothing on this server: NOT_FOUND is fine, a refusal of the shape is not.
        if (!ack.ok) expect(ack.error.code, `${event} ${JSON.stringify(payload)}`).not.toBe('VALIDATION_FAILED');
      }
    }
  });

  it('emits the events and acks of a conversation as documented', async () => {
    const aliceAccount = await register('doc_alice');
    const bobAccount = await register('doc_bob');
    const alice = await connect(aliceAccount);
    const seen = new Set<string>();
    const expectEvent = async <E extends ServerEventName>(
      socket: Client,
      event: E,
      trigger: () => Promise<unknown>,
    ) => {
      const payload = next(socket, event);
      await trigger();
      seen.add(event);
      return payload;
    };

    // Sent without an ack callback: the sending socket gets `message_sent` instead.
    const sent = await expectEvent(alice, 'message_sent', async () =>
      alice.emit('send_message', { receiverId: bobAccount.id, content: 'first', clientMessageId: 'doc-1' }),
    );
    const conversationId = sent.conversation.id;

    const online = expectEvent(alice, 'user_online', async () => undefined);
    const bob = await connect(bobAccount);
    expect((await online).userId).toBe(bobAccount.id);
    bob.on('message_received', (_payload, ack) => ack?.(true));

    const received = next(bob, 'message_received');
    const notified = next(bob, 'new_message_notification');
    const delivered = expectEvent(alice, 'message_delivered', () =>
      emit(alice, 'send_message', { conversationId, content: 'second', clientMessageId: 'doc-2' }),
    );
    const { message } = await received;
    seen.add('message_received');
    expect((await notified).conversationId).toBe(conversationId);
    seen.add('new_message_notification');
    expect((await delivered).messageId).toBe(message.id);

    const read = expectEvent(alice, 'message_read', () => emit(bob, 'message_read', { messageId: message.id }));
    expect((await read).readerId).toBe(bobAccount.id);

    const typing = expectEvent(bob, 'user_typing', () => emit(alice, 'typing_start', { conversationId }));
    expect((await typing).isTyping).toBe(true);
    const stopped = next(bob, 'user_typing');
    expect(await emit(alice, 'typing_stop', { conversationId })).toMatchObject({ ok: true, conversationId });
    expect((await stopped).isTyping).toBe(false);
    expect(await emit(alice, 'join_room', { conversationId })).toEqual({ ok: true, conversationId });
    expect(await emit(alice, 'leave_room', { conversationId })).toEqual({ ok: true, conversationId });

    const edited = expectEvent(bob, 'message_edited', () =>
      fetch(`${app.url}/api/messages/${message.id}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${aliceAccount.accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ content: 'second, edited' }),
      }),
    );
    expect((await edited).message).toMatchObject({ id: message.id, content: 'second, edited' });

    const reacted = expectEvent(alice, 'message_reaction', () =>
      fetch(`${app.url}/api/messages/${message.id}/reactions/${encodeURIComponent('👍')}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${bobAccount.accessToken}` },
      }),
    );
    expect(await reacted).toMatchObject({ messageId: message.id, emoji: '👍', userId: bobAccount.id, added: true });

    const deleted = expectEvent(bob, 'message_deleted', () =>
      fetch(`${app.url}/api/messages/${message.id}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${aliceAccount.accessToken}` },
      }),
    );
    expect((await deleted).messageId).toBe(message.id);

    const error = expectEvent(alice, 'error', async () => alice.emit('message_read', { messageId: 'nope' }));
    expect((await error).code).toBe('VALIDATION_FAILED');

    const offline = expectEvent(alice, 'user_offline', async () => bob.disconnect());
    expect((await offline).userId).toBe(bobAccount.id);

    const ended = expectEvent(alice, 'session_ended', () =>
      fetch(`${app.url}/api/auth/logout`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${aliceAccount.accessToken}` },
      }),
    );
    expect((await ended).reason).toBe('logout');

    // resync needs the Redis fan-out to drop and return: tests/fault/fan-out-resync.test.ts makes that happen.
    // The group events have a test of their own, below.
    expect([...seen].sort()).toEqual(
      Object.keys(serverEvents)
        .filter((event) => event !== 'resync' && !(event in groupServerEvents))
        .sort(),
    );
  });

  it('emits the events of a group as documented', async () => {
    const [aliceAccount, bobAccount, carolAccount, daveAccount] = await Promise.all(
      ['grp_alice', 'grp_bob', 'grp_carol', 'grp_dave'].map(register),
    );
    const [alice, bob, carol] = await Promise.all([aliceAccount!, bobAccount!, carolAccount!].map(connect));
    for (const member of [bob!, carol!]) member.on('message_received', (_payload, ack) => ack?.(true));
    const rest = (account: Account, method: string, path: string, body?: object) =>
      fetch(`${app.url}/api${path}`, {
        method,
        headers: { Authorization: `Bearer ${account.accessToken}`, 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });

    const created = next(bob!, 'conversation_created');
    const res = await rest(aliceAccount!, 'POST', '/conversations', {
      participantIds: [bobAccount!.id, carolAccount!.id],
      title: 'Engines',
    });
    expect(res.status).toBe(201);
    const { conversation } = await created;
    expect(conversation).toMatchObject({ kind: 'group', title: 'Engines', ownerId: aliceAccount!.id });
    const groupPath = `/conversations/${conversation.id}`;

    const delivered = next(alice!, 'message_delivered');
    const sent = await emit(alice!, 'send_message', { conversationId: conversation.id, content: 'to all' });
    expect(sent).toMatchObject({ ok: true, message: { receiverId: null } });
    expect([bobAccount!.id, carolAccount!.id]).toContain((await delivered).userId);

    const updated = next(carol!, 'conversation_updated');
    await rest(aliceAccount!, 'PUT', groupPath, { title: 'Looms' });
    expect((await updated).conversation.title).toBe('Looms');

    const added = next(bob!, 'member_added');
    await rest(aliceAccount!, 'POST', `${groupPath}/members`, { userIds: [daveAccount!.id] });
    expect(await added).toMatchObject({ userId: daveAccount!.id, addedBy: aliceAccount!.id });

    const removed = next(alice!, 'member_removed');
    await rest(bobAccount!, 'DELETE', `${groupPath}/members/me`);
    expect(await removed).toMatchObject({ userId: bobAccount!.id, removedBy: bobAccount!.id });
  });
});
