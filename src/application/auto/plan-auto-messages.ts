import {
  AUTO_MESSAGE_TEMPLATES,
  planDayOf,
  planKeyOf,
  type AutoMessage,
  type PlannedPair,
} from '../../domain/auto-message.js';
import { pairUp, pickOne } from '../../domain/pairing.js';
import type { AutoMessageRepository } from '../../ports/auto-message-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import type { Logger } from '../../ports/logger.js';
import type { Metrics } from '../../ports/metrics.js';
import type { RandomSource } from '../../ports/random-source.js';
import type { UserRepository } from '../../ports/user-repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PlanOutcome {
  readonly day: string;
  readonly pairs: number;
  /** Items stored by this run: 0 when the day was already planned. */
  readonly planned: number;
}

/**
 * Stage 1: pairs the active users at random, one item per pair, each due at a
 * random moment of the next 24 hours. The day's plan is stored first, as one
 * document: whichever run stores it wins, and every run (also one resuming
 * after a crash) inserts the same items, so planning a day twice adds nothing.
 */
export class PlanAutoMessages {
  constructor(
    private readonly deps: {
      users: UserRepository;
      autoMessages: AutoMessageRepository;
      random: RandomSource;
      ids: IdGenerator;
      clock: Clock;
      metrics: Metrics;
      logger: Logger;
    },
  ) {}

  async execute(): Promise<PlanOutcome> {
    const { users, autoMessages, random, ids, clock, metrics, logger } = this.deps;
    const now = clock.now();
    const day = planDayOf(now);
    const next = () => random.next();
    const pairs: PlannedPair[] = pairUp(await users.listActiveIds(), next).map(([senderId, receiverId]) => ({
      senderId,
      receiverId,
      content: pickOne(AUTO_MESSAGE_TEMPLATES, next),
      sendAt: new Date(now.getTime() + Math.floor(next() * DAY_MS)),
    }));
    const plan = await autoMessages.savePlanIfAbsent({ day, pairs, createdAt: now });
    const items: AutoMessage[] = plan.pairs.map((pair, slot) => ({
      id: ids.next(),
      planKey: planKeyOf(day, slot),
      planDay: day,
      ...pair,
      status: 'planned',
      leaseUntil: null,
      retryCount: 0,
      lastError: null,
      messageId: null,
      createdAt: now,
      queuedAt: null,
      sentAt: null,
    }));
    const planned = await autoMessages.insertMany(items);
    metrics.increment('auto_messages_planned', planned);
    logger.info('auto messages planned', { day, pairs: plan.pairs.length, planned });
    return { day, pairs: plan.pairs.length, planned };
  }
}
