import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControllableClock } from '../../../src/adapters/clock/controllable-clock.js';
import { eventually } from '../../support/eventually.js';
import { connectSocket } from '../support/chat-socket.js';
import { registerUser } from '../support/register-user.js';
import type { E2eApp, StartE2eApp } from '../support/start-e2e-app.js';

export const describeAutoMessageScenarios = (start: StartE2eApp): void => {
  describe('automated messages', () => {
    const clock = new ControllableClock();
    let app: E2eApp;

    beforeAll(async () => {
      // No scheduler role: the test runs the stages when it chooses, on its own clock.
      app = await start({ ROLES: 'api,worker' }, { clock });
    });
    afterAll(async () => {
      await app?.stop();
    });

    it('reach both connected users in real time when their time comes', async () => {
      const alice = await registerUser(app, 'auto_alice');
      const bob = await registerUser(app, 'auto_bob');
      const aliceClient = await connectSocket(app, alice.accessToken);
      const bobClient = await connectSocket(app, bob.accessToken);
      const { useCases, infrastructure } = app.app;

      const plan = await useCases.planAutoMessages.execute();
      expect(plan).toMatchObject({ pairs: 1, planned: 1 });
      const [item] = await infrastructure.autoMessages.listByPlanDay(plan.day);
      if (!item) throw new Error('no item planned');
      expect([item.senderId, item.receiverId].sort()).toEqual([alice.id, bob.id].sort());

      clock.set(new Date(item.sendAt.getTime() - 1000));
      expect((await useCases.enqueueDueAutoMessages.execute()).queued).toBe(0);
      expect(aliceClient.events.all('message_received')).toEqual([]);
      expect(bobClient.events.all('message_received')).toEqual([]);

      clock.set(item.sendAt);
      expect((await useCases.enqueueDueAutoMessages.execute()).queued).toBe(1);
      const [sender, receiver] = item.senderId === alice.id ? [aliceClient, bobClient] : [bobClient, aliceClient];
      const received = await receiver.events.take('message_received');
      expect(received.message).toMatchObject({ messageType: 'auto', content: item.content, senderId: item.senderId });
      expect(await receiver.events.take('new_message_notification')).toMatchObject({
        senderId: item.senderId,
        preview: item.content,
      });
      expect((await sender.events.take('message_sent')).message.id).toBe(received.message.id);
      await eventually(async () => expect((await infrastructure.autoMessages.findById(item.id))?.status).toBe('sent'));
    });
  });
};
