import { existsSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { ControllableClock } from '../adapters/clock/controllable-clock.js';
import { composeSystem, type ComposedSystem } from './compose-system.js';
import { decodeConfig, type Config } from './config.js';

const USAGE = `usage: npm run auto -- <command> [seconds]
  plan       plan today's automated messages (stage 1)
  enqueue    queue the items that are due (stage 2)
  deliver    consume the queue for [seconds] (default 10), then stop (stage 3)
  status     count the items by status
  demo       on the embedded default: four users, a plan, and every item delivered, in one process`;

const print = (label: string, value: unknown) => console.log(`${label}: ${JSON.stringify(value, null, 2)}`);

const consumeFor = async (system: ComposedSystem, seconds: number) => {
  const { infrastructure, useCases } = system;
  const before = await infrastructure.autoMessages.countByStatus();
  await infrastructure.queue.consume(async (message, attempt) => {
    const outcome = await useCases.deliverQueuedMessage.execute(message, attempt);
    console.log(`delivered ${message.autoMessageId}: ${outcome}`);
  });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const after = await infrastructure.autoMessages.countByStatus();
  print('sent during this run', after.sent - before.sent);
};

const demo = async (config: Config) => {
  const clock = new ControllableClock();
  const system = await composeSystem({ ...config, LOG_LEVEL: 'warn' }, { clock });
  const { useCases, infrastructure } = system;
  try {
    for (const name of ['ada', 'grace', 'alan', 'edsger']) {
      await useCases.registerUser.execute(
        { username: name, email: `${name}@example.com`, password: 'demo password' },
        '127.0.0.1',
      );
    }
    print('stage 1, plan', await useCases.planAutoMessages.execute());
    const items = await infrastructure.autoMessages.listByPlanDay(clock.now().toISOString().slice(0, 10));
    for (const item of items) console.log(`planned ${item.id}: ${item.status}, due ${item.sendAt.toISOString()}`);
    print('stage 2, enqueue now (nothing is due yet)', await useCases.enqueueDueAutoMessages.execute());
    clock.set(new Date(Math.max(...items.map((item) => item.sendAt.getTime()))));
    console.log(`the clock jumps to ${clock.now().toISOString()}`);
    await infrastructure.queue.consume((message, attempt) =>
      useCases.deliverQueuedMessage.execute(message, attempt).then(() => undefined),
    );
    print('stage 2, enqueue', await useCases.enqueueDueAutoMessages.execute());
    for (
      let waited = 0;
      (await infrastructure.autoMessages.countByStatus()).sent < items.length && waited < 50;
      waited += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const item of await infrastructure.autoMessages.listByPlanDay(items[0]?.planDay ?? '')) {
      const message = item.messageId ? await infrastructure.messages.findById(item.messageId) : null;
      console.log(
        `stage 3, ${item.id}: ${item.status} as message ${message?.id} (${message?.messageType}): "${message?.content}"`,
      );
    }
  } finally {
    await system.close();
  }
};

const main = async (): Promise<number> => {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = decodeConfig(process.env);
  if (E.isLeft(config)) {
    console.error(`Invalid configuration:\n${config.left.map((line) => `  - ${line}`).join('\n')}`);
    return 1;
  }
  const [command, seconds = '10'] = process.argv.slice(2);
  if (command === 'demo') {
    await demo(config.right);
    return 0;
  }
  if (!['plan', 'enqueue', 'deliver', 'status'].includes(command ?? '')) {
    console.error(USAGE);
    return 2;
  }
  if (!config.right.MONGODB_URI || !config.right.RABBITMQ_URL) {
    console.warn('note: without MONGODB_URI and RABBITMQ_URL the stores are this process’s own; try `demo` instead');
  }
  const system = await composeSystem(config.right);
  try {
    const { useCases, infrastructure } = system;
    if (command === 'plan') print('planned', await useCases.planAutoMessages.execute());
    if (command === 'enqueue') print('enqueued', await useCases.enqueueDueAutoMessages.execute());
    if (command === 'deliver') await consumeFor(system, Math.max(1, Number(seconds) || 10));
    if (command === 'status') print('items by status', await infrastructure.autoMessages.countByStatus());
    return 0;
  } finally {
    await system.close();
  }
};

process.exitCode = await main();
