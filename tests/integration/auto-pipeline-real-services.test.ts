import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/adapters/mongo/collection-names.js';
import { ObjectIdGenerator } from '../../src/adapters/ids/object-id-generator.js';
import type { DeliveryOutcome } from '../../src/application/auto/deliver-queued-message.js';
import type { AutoMessageRepository } from '../../src/ports/auto-message-repository.js';
import { addUsers, manualAutoMessage } from '../support/auto-message-fixtures.js';
import type { Core } from '../support/build-core.js';
import { eventually } from '../support/eventually.js';
import { useService } from '../support/services/use-service.js';
import { startRelay } from '../support/tcp-relay.js';
import { DAY_MS, deliverWith, itemOf, planDueItems } from './support/auto-pipeline-steps.js';
import { RealPipelines } from './support/real-pipelines.js';

const mongo = useService('mongo');
const rabbitmq = useService('rabbitmq');

const ids = new ObjectIdGenerator();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe.skipIf(mongo.skip || rabbitmq.skip)('the auto-message pipeline on real Mongo and RabbitMQ', () => {
  let pipelines: RealPipelines;

  beforeAll(async () => {
    pipelines = await RealPipelines.connect(mongo.url!);
  });
  afterEach(async () => {
    await pipelines.dispose();
  });
  afterAll(async () => {
    await pipelines?.close();
  });

  /** Counts the message documents themselves, not what a repository chooses to return. */
  const messagesFor = (db: string, autoMessageId: string) =>
    pipelines.db(db).collection(COLLECTIONS.messages).countDocuments({ autoMessageId });

  const expectDeliveredOnce = async (core: Core, db: string, autoMessageId: string) => {
    expect(await messagesFor(db, autoMessageId)).toBe(1);
    const message = await core.infrastructure.messages.findByAutoMessageId(autoMessageId);
    expect(message?.messageType).toBe('auto');
    expect(await itemOf(core, autoMessageId)).toMatchObject({
      status: 'sent',
      messageId: message?.id,
      lastError: null,
    });
  };

  it('turns the same queue message delivered twice into one message', async () => {
    const db = pipelines.uniqueName('twice');
    const core = await pipelines.core({ db, queue: pipelines.uniqueName('twice'), rabbitUrl: rabbitmq.url! });
    await addUsers(core, 2);
    const [item] = await planDueItems(core);
    if (!item) throw new Error('no item planned');

    const outcomes: DeliveryOutcome[] = [];
    await core.infrastructure.queue.consume(async (message, attempt) => {
      outcomes.push(await deliverWith(core)(message, attempt));
    });
    await Promise.all([
      core.infrastructure.queue.publish({ autoMessageId: item.id }),
      core.infrastructure.queue.publish({ autoMessageId: item.id }),
    ]);

    await eventually(async () => expect(outcomes).toHaveLength(2));
    expect([...outcomes].sort()).toEqual(['already-delivered', 'delivered']);
    await expectDeliveredOnce(core, db, item.id);
    expect(core.notifier.eventsFor(item.receiverId, 'message_received')).toHaveLength(1);
  });

  /** Hangs `markSent` until released: the process dies after storing the message and before marking the item. */
  const hangMarkSent = (repository: AutoMessageRepository, until: Promise<void>): AutoMessageRepository =>
    new Proxy(repository, {
      get: (target, property) =>
        property === 'markSent'
          ? (...args: Parameters<AutoMessageRepository['markSent']>) => until.then(() => target.markSent(...args))
          : Reflect.get(target, property, target),
    });

  it.each([
    ['after marking the item sent', false],
    ['before marking the item sent', true],
  ])(
    'gives one message when a consumer dies after storing it and before acking (%s)',
    async (_when, diesBeforeMarkSent) => {
      const db = pipelines.uniqueName('crash');
      const queue = pipelines.uniqueName('crash');
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      pipelines.onDispose(release);
      const relay = await startRelay(rabbitmq.url!);
      pipelines.onDispose(relay.cut);
      const doomed = await pipelines.core({
        db,
        queue,
        rabbitUrl: relay.url,
        adminUrl: rabbitmq.url!,
        override: (infrastructure) =>
          diesBeforeMarkSent ? { autoMessages: hangMarkSent(infrastructure.autoMessages, released) } : {},
      });
      const survivor = await pipelines.core({ db, queue, rabbitUrl: rabbitmq.url! });
      await addUsers(doomed, 2);
      const [item] = await planDueItems(doomed, survivor);
      if (!item) throw new Error('no item planned');

      const doomedOutcomes: DeliveryOutcome[] = [];
      await doomed.infrastructure.queue.consume(async (message, attempt) => {
        doomedOutcomes.push(await deliverWith(doomed)(message, attempt));
        await released; // never acks while the relay is up
      });
      expect((await doomed.useCases.enqueueDueAutoMessages.execute()).queued).toBe(1);
      await eventually(async () => expect(await messagesFor(db, item.id)).toBe(1));
      // Before marking, the doomed delivery is parked in markSent: no outcome can exist yet. After, wait for it.
      if (diesBeforeMarkSent) expect(doomedOutcomes).toEqual([]);
      else await eventually(async () => expect(doomedOutcomes).toEqual(['delivered']));
      expect((await itemOf(survivor, item.id)).status).toBe(diesBeforeMarkSent ? 'queued' : 'sent');

      relay.cut();
      const redelivered: { outcome: DeliveryOutcome; attempt: number }[] = [];
      await survivor.infrastructure.queue.consume(async (message, attempt) => {
        redelivered.push({ outcome: await deliverWith(survivor)(message, attempt), attempt: attempt.attempt });
      });
      await eventually(async () => expect(redelivered).toEqual([{ outcome: 'already-delivered', attempt: 1 }]));
      release();

      await expectDeliveredOnce(survivor, db, item.id);
      // Whoever marks the item sent announces: the doomed run when it got that far, else the survivor.
      expect(doomed.notifier.eventsFor(item.receiverId, 'message_received')).toHaveLength(diesBeforeMarkSent ? 0 : 1);
      expect(survivor.notifier.eventsFor(item.receiverId, 'message_received')).toHaveLength(diesBeforeMarkSent ? 1 : 0);
    },
  );

  it('queues each item once when two schedulers with their own connections enqueue at the same time', async () => {
    const db = pipelines.uniqueName('schedulers');
    const queue = pipelines.uniqueName('schedulers');
    const [first, second] = [
      await pipelines.core({ db, queue, rabbitUrl: rabbitmq.url! }),
      await pipelines.core({ db, queue, rabbitUrl: rabbitmq.url! }),
    ];
    await addUsers(first, 40);
    const items = await planDueItems(first, second);
    expect(items).toHaveLength(20);

    const deliveries = new Map<string, number>();
    for (const worker of [first, second]) {
      await worker.infrastructure.queue.consume(async (message, attempt) => {
        deliveries.set(message.autoMessageId, (deliveries.get(message.autoMessageId) ?? 0) + 1);
        await deliverWith(worker)(message, attempt);
      });
    }
    const [a, b] = await Promise.all([
      first.useCases.enqueueDueAutoMessages.execute(),
      second.useCases.enqueueDueAutoMessages.execute(),
    ]);
    expect(a.queued + b.queued).toBe(20);
    expect(a.failed + b.failed).toBe(0);

    await eventually(async () => expect((await first.infrastructure.autoMessages.countByStatus()).sent).toBe(20));
    await sleep(300); // room for a second delivery of anything published twice
    expect([...deliveries.keys()].sort()).toEqual(items.map((item) => item.id).sort());
    expect([...deliveries.values()].every((count) => count === 1)).toBe(true);
    for (const item of items) await expectDeliveredOnce(first, db, item.id);
  });

  it('dead-letters a poison item after the last attempt, with its retry count and last error', async () => {
    const db = pipelines.uniqueName('poison');
    const core = await pipelines.core({ db, queue: pipelines.uniqueName('poison'), rabbitUrl: rabbitmq.url! });
    const [sender] = await addUsers(core, 1);
    const id = ids.next();
    await core.infrastructure.autoMessages.insertMany([
      manualAutoMessage({
        id,
        senderId: sender!,
        receiverId: ids.next(), // no such user
        content: 'to nobody',
        sendAt: core.clock.now(),
      }),
    ]);
    const attempts: number[] = [];
    await core.infrastructure.queue.consume(async (message, attempt) => {
      attempts.push(attempt.attempt);
      await deliverWith(core)(message, attempt);
    });
    expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(1);

    await eventually(async () => expect((await itemOf(core, id)).status).toBe('dead'));
    expect(await itemOf(core, id)).toMatchObject({
      status: 'dead',
      retryCount: 3,
      lastError: 'sender or receiver no longer exists',
      messageId: null,
    });
    await eventually(async () =>
      expect(await core.infrastructure.queue.deadLetters()).toEqual([{ autoMessageId: id }]),
    );
    expect(attempts).toEqual([1, 2, 3]);
    expect(await messagesFor(db, id)).toBe(0);
    core.clock.advance(DAY_MS);
    expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(0);
  });
});
