import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../src/adapters/mongo/collection-names.js';
import type { DeliveryOutcome } from '../../src/application/auto/deliver-queued-message.js';
import { addUsers } from '../support/auto-message-fixtures.js';
import { eventually } from '../support/eventually.js';
import { rabbitmqLauncher } from '../support/services/rabbitmq.js';
import type { LocalServer } from '../support/services/service-launcher.js';
import { useService } from '../support/services/use-service.js';
import { deliverWith, planDueItems } from './support/auto-pipeline-steps.js';
import { RealPipelines } from './support/real-pipelines.js';

const mongo = useService('mongo');
const noDedicatedBroker = await rabbitmqLauncher.unavailableReason();
if (noDedicatedBroker && process.env.REQUIRE_SERVICES === '1') {
  throw new Error(`REQUIRE_SERVICES=1 but ${noDedicatedBroker}`);
}
if (noDedicatedBroker) console.warn(`[skipped] auto pipeline across a broker restart: ${noDedicatedBroker}`);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// A broker of its own, since this test stops it; Mongo is the shared one.
describe.skipIf(mongo.skip || noDedicatedBroker !== null)('the auto-message pipeline across a broker restart', () => {
  let broker: LocalServer;
  let pipelines: RealPipelines;

  beforeAll(async () => {
    [broker, pipelines] = await Promise.all([rabbitmqLauncher.launch(), RealPipelines.connect(mongo.url!)]);
  });
  afterAll(async () => {
    await pipelines?.close();
    await broker?.stop();
  });

  it('loses nothing and duplicates nothing when the broker restarts in the middle of a batch', async () => {
    const db = pipelines.uniqueName('restart');
    const core = await pipelines.core({
      db,
      queue: pipelines.uniqueName('restart'),
      rabbitUrl: broker.url,
      env: { AUTO_PREFETCH: '2' },
    });
    await addUsers(core, 40);
    const items = await planDueItems(core);
    expect(items).toHaveLength(20);
    expect((await core.useCases.enqueueDueAutoMessages.execute()).queued).toBe(20);

    const outcomes: DeliveryOutcome[] = [];
    await core.infrastructure.queue.consume(async (message, attempt) => {
      await sleep(100); // slow enough that the restart lands mid-batch
      outcomes.push(await deliverWith(core)(message, attempt));
    });
    await eventually(async () =>
      expect((await core.infrastructure.autoMessages.countByStatus()).sent).toBeGreaterThanOrEqual(4),
    );
    await broker.stop();
    expect((await core.infrastructure.autoMessages.countByStatus()).sent).toBeLessThan(20);
    await broker.start();

    await eventually(
      async () => expect((await core.infrastructure.autoMessages.countByStatus()).sent).toBe(20),
      40_000,
    );
    for (const item of items) {
      expect(await pipelines.db(db).collection(COLLECTIONS.messages).countDocuments({ autoMessageId: item.id })).toBe(
        1,
      );
      expect(await core.infrastructure.autoMessages.findById(item.id)).toMatchObject({
        status: 'sent',
        lastError: null,
      });
    }
    expect(outcomes.filter((outcome) => outcome === 'delivered')).toHaveLength(20);
    expect(await core.infrastructure.queue.deadLetters()).toEqual([]);
  }, 60_000);
});
