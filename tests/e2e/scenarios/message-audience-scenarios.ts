import { describe, expect, it } from 'vitest';
import { ControllableClock } from '../../../src/adapters/clock/controllable-clock.js';
import { eventually } from '../../support/eventually.js';
import { acknowledgeReceipts, connectSocket, type TestClient } from '../support/chat-socket.js';
import { sendMessage, type Sent } from '../support/chat-requests.js';
import { registerUser, type TestUser } from '../support/register-user.js';
import type { StartE2eApp } from '../support/start-e2e-app.js';
import { useDeployment, type DeploymentOptions } from '../support/use-deployment.js';

export type AudienceOptions = DeploymentOptions;

/** The event names of everything the socket received about a message (its id or its unique text). */
const eventsAbout = (client: TestClient, message: { id: string; content: string }): string[] =>
  client.events.names((payload) => {
    const text = JSON.stringify(payload);
    return text.includes(message.id) || text.includes(JSON.stringify(message.content).slice(1, -1));
  });

const isAbout =
  (message: { id: string }) =>
  (payload: { message: { id: string } }): boolean =>
    payload.message.id === message.id;

/** send_message with an ack callback; the ack carries the stored message. */
const sendWithAck = async (client: TestClient, receiver: TestUser, content: string): Promise<Sent> => {
  const ack = await client.socket.timeout(5_000).emitWithAck('send_message', { receiverId: receiver.id, content });
  if (!ack.ok) throw new Error(`send_message refused: ${JSON.stringify(ack.error)}`);
  const { ok: _ok, ...sent } = ack;
  return sent;
};

const joinRoom = async (client: TestClient, conversationId: string): Promise<void> => {
  expect(await client.socket.timeout(5_000).emitWithAck('join_room', { conversationId })).toEqual({
    ok: true,
    conversationId,
  });
};

const leaveRoom = async (client: TestClient, conversationId: string): Promise<void> => {
  expect(await client.socket.timeout(5_000).emitWithAck('leave_room', { conversationId })).toEqual({
    ok: true,
    conversationId,
  });
};

/**
 * Who gets which event of a new message (CONTRACT.md, Socket.IO): a socket
 * that joined the conversation is viewing it and gets no
 * `new_message_notification`; the socket whose ack carried the message gets
 * no `message_sent`. With `twoProcesses` the sockets of each user are spread
 * over two processes, so the exclusions hold across the Redis fan-out.
 *
 * Events to one socket arrive in the order the server emitted them, so the
 * absence of an event is checked after a later one that would have followed
 * it (a later message, or the message's own `message_delivered`), never
 * after a pause.
 */
export const describeMessageAudienceScenarios = (start: StartE2eApp, options: AudienceOptions): void => {
  const where = options.twoProcesses ? ' (sockets on two processes)' : '';

  describe(`who gets which event of a new message${where}`, () => {
    const deployment = useDeployment(start, options);

    it('costs one ack, message_received and message_delivered, and a notification only while the receiver is not viewing', async () => {
      const [a, b] = deployment();
      const alice = await registerUser(a, 'frames_alice');
      const bob = await registerUser(a, 'frames_bob');
      // The relay's shape: one socket each, the receiver on the other process.
      const aliceTab = await connectSocket(a, alice.accessToken);
      const bobTab = await connectSocket(b, bob.accessToken);
      acknowledgeReceipts(bobTab);

      const elsewhere = await sendWithAck(aliceTab, bob, 'frames: not viewing');
      await aliceTab.events.take('message_delivered', (p) => p.messageId === elsewhere.message.id);
      await joinRoom(bobTab, elsewhere.conversation.id);
      const viewing = await sendWithAck(aliceTab, bob, 'frames: viewing');
      await aliceTab.events.take('message_delivered', (p) => p.messageId === viewing.message.id);
      const barrier = await sendWithAck(aliceTab, bob, 'frames: barrier');
      await bobTab.events.take('message_received', isAbout(barrier.message));

      // Out: the ack (not an event), then these; in: send_message and the receiver's ack.
      expect(eventsAbout(aliceTab, elsewhere.message)).toEqual(['message_delivered']);
      expect(eventsAbout(bobTab, elsewhere.message)).toEqual(['message_received', 'new_message_notification']);
      expect(eventsAbout(aliceTab, viewing.message)).toEqual(['message_delivered']);
      expect(eventsAbout(bobTab, viewing.message)).toEqual(['message_received']);
    });

    it('notifies only the receiver sockets not viewing the conversation, and a socket again once it leaves', async () => {
      const [a, b] = deployment();
      const alice = await registerUser(a, 'view_alice');
      const bob = await registerUser(a, 'view_bob');
      const first = await sendMessage(a, alice, bob, 'view: opens the conversation');
      const conversationId = first.conversation.id;
      const viewingHere = await connectSocket(a, bob.accessToken);
      const viewingThere = await connectSocket(b, bob.accessToken);
      const notViewing = await connectSocket(b, bob.accessToken);
      await joinRoom(viewingHere, conversationId);
      await joinRoom(viewingThere, conversationId);
      // Alice viewing it changes nothing for Bob.
      const aliceTab = await connectSocket(a, alice.accessToken);
      await joinRoom(aliceTab, conversationId);

      const overRest = await sendMessage(a, alice, bob, 'view: over REST');
      const overSocket = await sendWithAck(aliceTab, bob, 'view: over the socket');
      const barrier = await sendMessage(b, alice, bob, 'view: barrier');
      for (const tab of [viewingHere, viewingThere, notViewing]) {
        for (const sent of [overRest, overSocket, barrier])
          await tab.events.take('message_received', isAbout(sent.message));
      }
      for (const sent of [overRest, overSocket]) {
        expect(eventsAbout(notViewing, sent.message)).toEqual(['message_received', 'new_message_notification']);
        expect(eventsAbout(viewingHere, sent.message)).toEqual(['message_received']);
        expect(eventsAbout(viewingThere, sent.message)).toEqual(['message_received']);
      }

      await leaveRoom(viewingThere, conversationId);
      const afterLeaving = await sendMessage(a, alice, bob, 'view: after leaving');
      expect(
        await viewingThere.events.take('new_message_notification', (p) => p.preview === afterLeaving.message.content),
      ).toEqual({
        conversationId,
        senderId: alice.id,
        senderUsername: alice.username,
        preview: afterLeaving.message.content,
      });
      const lastBarrier = await sendMessage(a, alice, bob, 'view: last barrier');
      await viewingHere.events.take('message_received', isAbout(lastBarrier.message));
      expect(eventsAbout(viewingHere, afterLeaving.message)).toEqual(['message_received']);
    });

    it('answers the sending socket with its ack only; the sender’s other sockets get message_sent', async () => {
      const [a, b] = deployment();
      const alice = await registerUser(a, 'sent_alice');
      const bob = await registerUser(a, 'sent_bob');
      const sending = await connectSocket(a, alice.accessToken);
      const otherHere = await connectSocket(a, alice.accessToken);
      const otherThere = await connectSocket(b, alice.accessToken);
      acknowledgeReceipts(await connectSocket(b, bob.accessToken));

      const sent = await sendWithAck(sending, bob, 'sent: with an ack');
      for (const tab of [otherHere, otherThere]) {
        expect(await tab.events.take('message_sent', isAbout(sent.message))).toEqual(sent);
      }
      // message_sent would have come before the delivery confirmation.
      await sending.events.take('message_delivered', (p) => p.messageId === sent.message.id);
      expect(eventsAbout(sending, sent.message)).toEqual(['message_delivered']);
    });

    it('sends message_sent to the sending socket too when it gave no ack callback', async () => {
      const [a, b] = deployment();
      const alice = await registerUser(a, 'noack_alice');
      const bob = await registerUser(a, 'noack_bob');
      const sending = await connectSocket(b, alice.accessToken);
      const other = await connectSocket(a, alice.accessToken);
      const bobTab = await connectSocket(a, bob.accessToken);

      sending.socket.emit('send_message', { receiverId: bob.id, content: 'sent: no callback' });
      const [here, there, received] = await Promise.all([
        sending.events.take('message_sent'),
        other.events.take('message_sent'),
        bobTab.events.take('message_received'),
      ]);
      expect(here).toEqual(there);
      expect(here).toEqual(received);
      expect(here.message).toMatchObject({ content: 'sent: no callback', senderId: alice.id });
      expect(sending.events.all('error')).toEqual([]);
    });

    it('sends message_sent to every socket of the sender after a REST send, whichever process took it', async () => {
      const [a, b] = deployment();
      const alice = await registerUser(a, 'rest_alice');
      const bob = await registerUser(a, 'rest_bob');
      const tabs = [await connectSocket(a, alice.accessToken), await connectSocket(b, alice.accessToken)];
      await joinRoom(tabs[0]!, (await sendMessage(a, alice, bob, 'rest: opens it')).conversation.id);

      for (const app of [a, b]) {
        const sent = await sendMessage(app, alice, bob, `rest: through ${app.url}`);
        for (const tab of tabs) expect(await tab.events.take('message_sent', isAbout(sent.message))).toEqual(sent);
      }
    });
  });

  describe(`who gets which event of an automated message${where}`, () => {
    const clock = new ControllableClock();
    // No scheduler role: the test runs the stages when it chooses, on its own clock.
    const deployment = useDeployment(start, options, { ROLES: 'api,worker' }, { clock });

    it('tells every socket of the sender, and notifies only the receiver sockets not viewing the conversation', async () => {
      const [a, b] = deployment();
      // Only these two users exist in this deployment, so they are paired.
      const users = [await registerUser(a, 'auto_alice'), await registerUser(a, 'auto_bob')];
      const plan = await a.app.useCases.planAutoMessages.execute();
      expect(plan).toMatchObject({ pairs: 1, planned: 1 });
      const [item] = await a.app.infrastructure.autoMessages.listByPlanDay(plan.day);
      if (!item) throw new Error('no item planned');
      const sender = users.find((u) => u.id === item.senderId)!;
      const receiver = users.find((u) => u.id === item.receiverId)!;
      const opened = await sendMessage(b, sender, receiver, 'auto: opens the conversation');

      const senderTabs = [await connectSocket(a, sender.accessToken), await connectSocket(b, sender.accessToken)];
      const viewing = await connectSocket(b, receiver.accessToken);
      const notViewing = await connectSocket(a, receiver.accessToken);
      await joinRoom(viewing, opened.conversation.id);
      await joinRoom(senderTabs[0]!, opened.conversation.id);

      clock.set(item.sendAt);
      expect((await a.app.useCases.enqueueDueAutoMessages.execute()).queued).toBe(1);
      const received = await notViewing.events.take('message_received', (p) => p.message.messageType === 'auto');
      expect(received.message).toMatchObject({ content: item.content, senderId: sender.id });
      expect(await notViewing.events.take('new_message_notification', (p) => p.preview === item.content)).toMatchObject(
        {
          conversationId: opened.conversation.id,
          senderId: sender.id,
        },
      );
      for (const tab of senderTabs)
        expect(await tab.events.take('message_sent', isAbout(received.message))).toEqual(received);

      await viewing.events.take('message_received', isAbout(received.message));
      // Over a socket: the clock moved past the access tokens' lifetime, which REST would check.
      const barrier = await sendWithAck(senderTabs[1]!, receiver, 'auto: barrier');
      await viewing.events.take('message_received', isAbout(barrier.message));
      expect(eventsAbout(viewing, received.message)).toEqual(['message_received']);
      await eventually(async () =>
        expect((await a.app.infrastructure.autoMessages.findById(item.id))?.status).toBe('sent'),
      );
    });
  });
};
