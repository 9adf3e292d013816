import { createHash } from 'node:crypto';
import { expect, onTestFinished } from 'vitest';
import type { AutoMessage } from '../../../src/domain/auto-message.js';
import { buildCore, right, type Core } from '../../support/build-core.js';

/** What `core.register` gives: the user, its tokens and the claims of its access token. */
export type Registered = Awaited<ReturnType<Core['register']>>;

export const PASSWORD = 'correct horse battery';

/** A well-formed id that names nothing. */
export const UNKNOWN_ID = 'f'.repeat(24);

export const anyCursor = expect.stringMatching(/^[0-9a-f]{24}:\d+$/);

/** Lets fire-and-forget work (delivery confirmations) finish. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));

export const sha256 = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

// ---- accounts ----

export const registerInput = (username: string, overrides: Record<string, unknown> = {}) => ({
  username,
  email: `${username.toLowerCase()}@example.com`,
  password: PASSWORD,
  ...overrides,
});

export const registerAll = async (core: Core, usernames: readonly string[]): Promise<Registered[]> => {
  const registered = [];
  for (const username of usernames) registered.push(await core.register(username));
  return registered;
};

export const threeUsers = async (core: Core) => ({
  alice: await core.register('alice'),
  bob: await core.register('bob'),
  carol: await core.register('carol'),
});

export const logIn = (core: Core, email: string, password: string, ip = '203.0.113.1') =>
  core.useCases.logIn.execute({ email, password }, ip);

export const refresh = (core: Core, refreshToken: string) => core.useCases.refreshSession.execute({ refreshToken });

// ---- messages ----

export const send = async (core: Core, from: Registered, to: Registered, content: string, clientMessageId?: string) =>
  right(
    await core.useCases.sendMessage.execute(from.claims, {
      receiverId: to.user.id,
      content,
      ...(clientMessageId ? { clientMessageId } : {}),
    }),
  );

/** Alice and Bob, and the conversation Alice opened with a first message. */
export const aliceWroteToBob = async (core: Core) => {
  const alice = await core.register('alice');
  const bob = await core.register('bob');
  const id = (await send(core, alice, bob, 'hi')).message.conversationId;
  return { alice, bob, id };
};

/** Alice, Bob and Carol, and a message Alice sent Bob (Carol stands outside their conversation). */
export const aliceSentBob = async (core: Core, content: string) => {
  const users = await threeUsers(core);
  const { message } = await send(core, users.alice, users.bob, content);
  return { ...users, message, messageId: message.id, conversationId: message.conversationId };
};

export const history = async (core: Core, viewer: Registered, conversationId: string, query: Record<string, unknown>) =>
  right(await core.useCases.getConversationHistory.execute(viewer.claims, conversationId, query));

// ---- the auto-message pipeline ----

export const HOUR = 60 * 60 * 1000;
export const PLAN_TIME = '2026-11-24T02:00:00.000Z';

/** A core at the plan time of 2026-11-24 with fast retries; its queue is closed when the test ends. */
export const autoCore = (env: Record<string, string> = {}): Core => {
  const core = buildCore({ AUTO_RETRY_BASE_MS: '10', AUTO_MAX_ATTEMPTS: '3', AUTO_LEASE_MS: '600000', ...env });
  core.clock.set(PLAN_TIME);
  onTestFinished(() => core.infrastructure.queue.close());
  return core;
};

/** Consumes the core's queue with the deliverer, as a worker does. */
export const startWorker = (core: Core) =>
  core.infrastructure.queue.consume(async (message, attempt) => {
    await core.useCases.deliverQueuedMessage.execute(message, attempt);
  });

export const plannedItems = (core: Core): Promise<AutoMessage[]> =>
  core.infrastructure.autoMessages.listByPlanDay('2026-11-24');
