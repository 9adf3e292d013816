import type { AutoMessage } from '../../src/domain/auto-message.js';
import { normaliseUsername } from '../../src/domain/user.js';
import type { Core } from './build-core.js';

/**
 * Stores `count` users straight into the core's repository, as the planner
 * finds them (no registration, no password), and returns their ids: active
 * users `a0…0`, `a0…1`, …, inactive ones `b0…0`, ….
 */
export const addUsers = async (core: Core, count: number, isActive = true): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `${isActive ? 'a' : 'b'}${String(i).padStart(23, '0')}`;
    const username = `${isActive ? 'active' : 'inactive'}_${i}`;
    const now = core.clock.now();
    await core.infrastructure.users.insert({
      id,
      username,
      usernameLower: normaliseUsername(username),
      email: `${username}@example.com`,
      passwordHash: 'unused',
      isActive,
      lastSeen: null,
      createdAt: now,
      updatedAt: now,
    });
    ids.push(id);
  }
  return ids;
};

/** An item planned by hand rather than by the daily plan, due at `sendAt`. */
export const manualAutoMessage = (item: {
  readonly id: string;
  readonly senderId: string;
  readonly receiverId: string;
  readonly content: string;
  readonly sendAt: Date;
}): AutoMessage => ({
  ...item,
  planKey: `manual#${item.id}`,
  planDay: 'manual',
  status: 'planned',
  leaseUntil: null,
  retryCount: 0,
  lastError: null,
  messageId: null,
  createdAt: item.sendAt,
  queuedAt: null,
  sentAt: null,
});
