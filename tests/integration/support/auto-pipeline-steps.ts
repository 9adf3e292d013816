import type { AutoMessage } from '../../../src/domain/auto-message.js';
import type { QueuedAutoMessage } from '../../../src/ports/message-queue.js';
import type { Core } from '../../support/build-core.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Plans the day on `core` and moves every clock a day on, so each planned item is due. */
export const planDueItems = async (core: Core, ...otherClocks: Core[]): Promise<AutoMessage[]> => {
  const plan = await core.useCases.planAutoMessages.execute();
  for (const each of [core, ...otherClocks]) each.clock.advance(DAY_MS);
  return core.infrastructure.autoMessages.listByPlanDay(plan.day);
};

export const deliverWith =
  (core: Core) => (message: QueuedAutoMessage, attempt: { attempt: number; maxAttempts: number }) =>
    core.useCases.deliverQueuedMessage.execute(message, attempt);

export const itemOf = async (core: Core, id: string): Promise<AutoMessage> => {
  const item = await core.infrastructure.autoMessages.findById(id);
  if (!item) throw new Error(`auto message ${id} not found`);
  return item;
};
