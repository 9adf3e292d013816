import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../src/bootstrap/app.js';
import type { Ack } from '../../../src/ports/realtime-events.js';
import { acknowledgeReceipts, closeSocket, connectSocket, type ChatSocket } from '../../e2e/support/chat-socket.js';
import { registerUser } from '../../e2e/support/register-user.js';
import { startE2eApp, type E2eApp } from '../../e2e/support/start-e2e-app.js';
import { testConfig } from '../../support/build-core.js';
import { eventually } from '../../support/eventually.js';
import { sample } from '../../support/metric-sample.js';
import { freePort } from '../../support/services/free-port.js';

const UNKNOWN_ID = 'f'.repeat(24);

const scrape = async (app: E2eApp): Promise<string> => (await app.api('GET', '/metrics')).text;

const emitted = (socket: ChatSocket, event: 'join_room' | 'message_read', payload: object): Promise<Ack> =>
  new Promise((resolve) => (socket.emit as (...args: unknown[]) => void)(event, payload, resolve));

const events = (event: string, outcome: string) => `chat_socket_events_total{event="${event}",outcome="${outcome}"}`;

describe('operator metrics of the composed app', () => {
  let app: E2eApp | undefined;
  let worker: RunningApp | undefined;
  afterEach(async () => {
    await Promise.all([app?.stop(), worker?.stop()]);
    app = worker = undefined;
  });

  it('count socket events by name and outcome: ok, or the code they were refused with', async () => {
    app = await startE2eApp({ SOCKET_EVENTS_PER_USER: '4', SOCKET_EVENTS_WINDOW_SECONDS: '60' });
    const alice = await registerUser(app, 'alice');
    const { socket } = await connectSocket(app, alice.accessToken);

    expect((await emitted(socket, 'join_room', { conversationId: 'not-an-id' })).ok).toBe(false);
    expect((await emitted(socket, 'join_room', { conversationId: UNKNOWN_ID })).ok).toBe(false);
    expect((await emitted(socket, 'message_read', { messageId: UNKNOWN_ID })).ok).toBe(false);
    socket.emit('typing_stop', { conversationId: UNKNOWN_ID }); // no ack: counted all the same
    expect(await emitted(socket, 'message_read', { messageId: UNKNOWN_ID })).toMatchObject({
      error: { code: 'RATE_LIMITED' },
    });

    await eventually(async () => {
      const text = await scrape(app!);
      expect(sample(text, events('join_room', 'VALIDATION_FAILED'))).toBe(1);
      expect(sample(text, events('join_room', 'NOT_FOUND'))).toBe(1);
      expect(sample(text, events('message_read', 'NOT_FOUND'))).toBe(1);
      expect(sample(text, events('typing_stop', 'NOT_FOUND'))).toBe(1);
      expect(sample(text, events('message_read', 'RATE_LIMITED'))).toBe(1);
    });
  });

  it("count a socket's ok events, and time each delivery from its announcement to the receiver's ack", async () => {
    app = await startE2eApp();
    const [alice, bob] = [await registerUser(app, 'alice'), await registerUser(app, 'bob')];
    const [sender, receiver] = [await connectSocket(app, alice.accessToken), await connectSocket(app, bob.accessToken)];
    acknowledgeReceipts(receiver);
    const delivered = sender.events.take('message_delivered');
    const sent = await new Promise<Ack>((resolve) =>
      sender.socket.emit('send_message', { receiverId: bob.id, content: 'timed' }, resolve),
    );
    expect(sent.ok).toBe(true);
    await delivered;

    const text = await scrape(app);
    expect(sample(text, events('send_message', 'ok'))).toBe(1);
    expect(sample(text, 'chat_message_delivery_seconds_count{type="text"}')).toBe(1);
    expect(sample(text, 'chat_message_delivery_seconds_bucket{le="+Inf",type="text"}')).toBe(1);
  });

  it('report the users online, however many sockets each has open', async () => {
    app = await startE2eApp();
    const [alice, bob] = [await registerUser(app, 'alice'), await registerUser(app, 'bob')];
    const online = async () => sample(await scrape(app!), 'chat_online_users');
    expect(await online()).toBe(0);
    await connectSocket(app, alice.accessToken);
    await connectSocket(app, alice.accessToken);
    const bobs = await connectSocket(app, bob.accessToken);
    await eventually(async () => expect(await online()).toBe(2));
    await closeSocket(app, bobs);
    await eventually(async () => expect(await online()).toBe(1));
  });

  it('leave the round-trip counters where they were: a scrape does not count its own reads', async () => {
    app = await startE2eApp({ ROLES: 'api' });
    await registerUser(app, 'alice');
    const counters = (text: string) =>
      text
        .split('\n')
        .filter((line) => /^chat_(store_port_calls|mongodb_commands|redis_round_trips)_total\{/.test(line));
    const first = await scrape(app);
    expect(sample(first, 'chat_metrics_source_up{source="presence"}')).toBe(1);
    expect(counters(first).length).toBeGreaterThan(0);
    expect(counters(await scrape(app))).toEqual(counters(first));
  });

  it('serve /metrics on the HEALTH_PORT of a worker, behind the same token', async () => {
    const token = 'a-metrics-token-for-the-worker-test';
    const healthPort = await freePort();
    const config = { ROLES: 'worker,scheduler', HOST: '127.0.0.1', HEALTH_PORT: String(healthPort) };
    worker = await startApp(testConfig({ ...config, METRICS_TOKEN: token }));
    const url = `http://127.0.0.1:${healthPort}/metrics`;

    const refused = await fetch(url);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    const served = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await served.text();
    expect(sample(text, 'chat_auto_queue_depth{state="ready"}')).toBe(0);
    expect(sample(text, 'chat_auto_message_items{status="planned"}')).toBe(0);
    expect(text).toContain('# TYPE chat_auto_messages_sent_total counter');
  });
});
