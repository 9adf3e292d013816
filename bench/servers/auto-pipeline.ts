import { performance } from 'node:perf_hooks';
import bcrypt from 'bcrypt';
import * as E from 'fp-ts/lib/Either.js';
import { ObjectIdGenerator } from '../../src/adapters/ids/object-id-generator.js';
import { createWinstonLogger } from '../../src/adapters/logging/winston-logger.js';
import type { User } from '../../src/domain/user.js';
import { startApp } from '../../src/bootstrap/app.js';
import { decodeConfig } from '../../src/bootstrap/config.js';
import { selectInfrastructure } from '../../src/bootstrap/select-infrastructure.js';
import type { Clock } from '../../src/ports/clock.js';
import type { MessageQueue } from '../../src/ports/message-queue.js';
import { emitEvent, serveCommands } from '../lib/child-side.js';

/** The system clock, moved forward on demand: planned items fall due without waiting a day. */
class ShiftedClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  shift(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface PipelineArgs {
  readonly items: number;
  readonly timeoutMs: number;
}

export interface PipelineResult {
  readonly items: number;
  readonly planned: number;
  readonly delivered: number;
  readonly seedMs: number;
  readonly planMs: number;
  /** From the end of planning until every item was published (deliveries run meanwhile). */
  readonly enqueueMs: number;
  /** From the start of planning until the last item was delivered. */
  readonly totalMs: number;
  readonly timedOut: boolean;
  readonly sentByStatus: number;
}

const config = decodeConfig(process.env);
if (E.isLeft(config)) throw new Error(`bench auto config: ${config.left.join('; ')}`);
const logger = createWinstonLogger({ level: config.right.LOG_LEVEL, format: 'json' });
const clock = new ShiftedClock();
const infrastructure = await selectInfrastructure(config.right, logger);

let delivered = 0;
const queue = infrastructure.queue;
const countingQueue: MessageQueue = {
  publish: (message) => queue.publish(message),
  consume: (handler) =>
    queue.consume(async (message, attempt) => {
      await handler(message, attempt);
      delivered += 1;
    }),
  deadLetters: () => queue.deadLetters(),
  depth: () => queue.depth(),
  close: () => queue.close(),
};
// The worker role consumes; planning and enqueueing are driven here instead of by the cron schedule.
const app = await startApp(config.right, {
  clock,
  logger,
  infrastructure: { ...infrastructure, queue: countingQueue },
});

/** Active users straight into the repository (what registration would store), so seeding costs no bcrypt per user. */
const seedUsers = async (count: number): Promise<number> => {
  const started = performance.now();
  const ids = new ObjectIdGenerator();
  const passwordHash = await bcrypt.hash('seeded user password', 4);
  const now = clock.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const username = `auto_${i}`;
      const user: User = {
        id: ids.next(),
        username,
        usernameLower: username,
        email: `${username}@bench.example.com`,
        passwordHash,
        isActive: true,
        lastSeen: null,
        createdAt: now,
        updatedAt: now,
      };
      await infrastructure.users.insert(user);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return performance.now() - started;
};

const run = async ({ items, timeoutMs }: PipelineArgs): Promise<PipelineResult> => {
  const seedMs = await seedUsers(2 * items);
  const deadline = performance.now() + timeoutMs;
  const started = performance.now();
  const plan = await app.useCases.planAutoMessages.execute();
  const planMs = performance.now() - started;
  // Every item is due within 24 hours of planning.
  clock.shift(25 * 60 * 60 * 1000);
  let queued = 0;
  while (queued < plan.planned && performance.now() < deadline) {
    const outcome = await app.useCases.enqueueDueAutoMessages.execute();
    queued += outcome.queued;
    if (outcome.queued === 0) break;
  }
  const enqueueMs = performance.now() - started - planMs;
  let lastReport = performance.now();
  while (delivered < plan.planned && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (performance.now() - lastReport > 5_000) {
      lastReport = performance.now();
      emitEvent('progress', { delivered, planned: plan.planned });
    }
  }
  const totalMs = performance.now() - started;
  const byStatus = await infrastructure.autoMessages.countByStatus();
  return {
    items,
    planned: plan.planned,
    delivered,
    seedMs,
    planMs,
    enqueueMs,
    totalMs,
    timedOut: delivered < plan.planned,
    sentByStatus: byStatus.sent,
  };
};

serveCommands({ run, stop: () => app.stop() });
emitEvent('ready', { adapters: infrastructure.active });
