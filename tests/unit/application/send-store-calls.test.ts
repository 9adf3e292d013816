import { describe, expect, it } from 'vitest';
import { createWinstonLogger } from '../../../src/adapters/logging/winston-logger.js';
import type { Infrastructure } from '../../../src/bootstrap/infrastructure.js';
import { memoryInfrastructure } from '../../../src/bootstrap/memory-infrastructure.js';
import { buildCore, right, testConfig, type Core } from '../../support/build-core.js';

/** A port whose every method call is written down as `port.method`, then served by the port. */
const counted = <T extends object>(name: string, port: T, calls: string[]): T =>
  new Proxy(port, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(`${name}.${String(property)}`);
        return Reflect.apply(value, target, args);
      };
    },
  });

const countedCore = (): { core: Core; calls: string[] } => {
  const calls: string[] = [];
  const memory = memoryInfrastructure(
    testConfig(),
    createWinstonLogger({ level: 'error', format: 'json', silent: true }),
  );
  const infrastructure: Infrastructure = {
    ...memory,
    users: counted('users', memory.users, calls),
    conversations: counted('conversations', memory.conversations, calls),
    messages: counted('messages', memory.messages, calls),
    changes: counted('changes', memory.changes, calls),
    isLive: () => memory.isLive(),
    close: () => memory.close(),
  };
  return { core: buildCore({}, infrastructure), calls };
};

const sorted = (calls: string[]): string[] => [...calls].sort();

describe('store calls of a send (each one a round trip on the real adapters)', () => {
  it('are three once the pair has talked in this process: the insert, the last message, the change record', async () => {
    const { core, calls } = countedCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    right(await core.useCases.sendMessage.execute(alice.claims, { receiverId: bob.user.id, content: 'first' }));

    calls.length = 0;
    right(
      await core.useCases.sendMessage.execute(alice.claims, {
        receiverId: bob.user.id,
        content: 'second',
        clientMessageId: 'c-2',
      }),
    );
    expect(sorted(calls)).toEqual(['changes.record', 'conversations.recordLastMessage', 'messages.insert']);

    calls.length = 0;
    const { message } = right(
      await core.useCases.sendMessage.execute(bob.claims, { receiverId: alice.user.id, content: 'back' }),
    );
    expect(sorted(calls)).toEqual(['changes.record', 'conversations.recordLastMessage', 'messages.insert']);

    calls.length = 0;
    right(
      await core.useCases.sendMessage.execute(alice.claims, {
        conversationId: message.conversationId,
        content: 'by id',
      }),
    );
    expect(sorted(calls)).toEqual(['changes.record', 'conversations.recordLastMessage', 'messages.insert']);
  });

  it('reads each user again once their copy is more than a few seconds old', async () => {
    const { core, calls } = countedCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    right(await core.useCases.sendMessage.execute(alice.claims, { receiverId: bob.user.id, content: 'first' }));
    core.clock.advance(6_000);

    calls.length = 0;
    right(await core.useCases.sendMessage.execute(alice.claims, { receiverId: bob.user.id, content: 'later' }));
    expect(calls.filter((call) => call.startsWith('users.'))).toEqual(['users.findById', 'users.findById']);
  });

  it('gives a retry its original without opening a conversation, even when it names another receiver', async () => {
    const { core } = countedCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const carol = await core.register('carol');
    const first = right(
      await core.useCases.sendMessage.execute(alice.claims, {
        receiverId: bob.user.id,
        content: 'hi',
        clientMessageId: 'c-1',
      }),
    );

    const retried = right(
      await core.useCases.sendMessage.execute(alice.claims, {
        receiverId: carol.user.id,
        content: 'hi',
        clientMessageId: 'c-1',
      }),
    );
    expect(retried).toMatchObject({ created: false, message: { id: first.message.id } });
    expect(await core.infrastructure.conversations.findByParticipants(alice.user.id, carol.user.id)).toBeNull();
  });

  it('confirms a delivery with two: the mark (which returns the message) and the change record', async () => {
    const { core, calls } = countedCore();
    const alice = await core.register('alice');
    const bob = await core.register('bob');
    const { message } = right(
      await core.useCases.sendMessage.execute(alice.claims, { receiverId: bob.user.id, content: 'hi' }),
    );
    calls.length = 0;
    core.notifier.acknowledgeAll(bob.user.id);
    await expect.poll(() => sorted(calls)).toEqual(['changes.record', 'messages.markDelivered']);
    expect((await core.infrastructure.messages.findById(message.id))?.deliveredAt).not.toBeNull();
  });
});
