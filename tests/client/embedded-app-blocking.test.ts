import { describe, expect, it } from 'vitest';
import { startE2eApp } from '../e2e/support/start-e2e-app.js';
import { useE2eApp } from '../e2e/support/use-e2e-app.js';
import { eventually } from '../support/eventually.js';
import { clientsClosedAfterAll, watchClient, type ClientUnderTest } from './support/client-under-test.js';

const { connect, keep } = clientsClosedAfterAll();

const contents = (cut: Pick<ClientUnderTest, 'client'>, conversationId: string) =>
  cut.client.messages(conversationId).map((m) => m.content);
const seenContents = (cut: Pick<ClientUnderTest, 'seen'>) => cut.seen.map((m) => m.content);

describe('the client library blocking a group member, on the embedded app', () => {
  const app = useE2eApp(startE2eApp);

  it('hides their messages in the group, shows them again on unblock, and knows the block at the next login', async () => {
    const alice = await connect(app().url, 'alice');
    const bob = await connect(app().url, 'bob');
    const carol = await connect(app().url, 'carol');
    carol.client.send({ receiverId: alice.id }, 'before the block');
    await eventually(async () => expect(seenContents(alice)).toEqual(['before the block']));
    const direct = alice.seen[0]!.conversationId;
    const group = (await alice.client.groups.create([bob.id, carol.id], 'Trio')).id;
    await alice.client.block(carol.id);
    expect(alice.client.blockedUserIds).toEqual([carol.id]);
    expect(contents(alice, direct)).toEqual(['before the block']);

    // One after the other, so every member's socket gets them in this order.
    for (const [cut, text] of [
      [bob, 'from bob'],
      [carol, 'from carol'],
      [bob, 'bob again'],
    ] as const) {
      await eventually(async () => expect(cut.client.conversations().map((c) => c.id)).toContain(group));
      const sent = cut.client.send({ conversationId: group }, text);
      await eventually(async () => expect(cut.client.messages(group).find((m) => m.key === sent.key)?.id).toBeTruthy());
    }
    await eventually(async () => expect(contents(alice, group)).toEqual(['from bob', 'bob again']));
    expect(alice.client.messages(group).map((m) => m.seq)).toEqual([1, 3]);
    expect(seenContents(alice)).toEqual(['before the block', 'from bob', 'bob again']);
    expect(alice.client.conversations().find((c) => c.id === group)?.lastMessage?.preview).toBe('bob again');
    expect(contents(bob, group)).toEqual(['from bob', 'from carol', 'bob again']);

    const rerendered: string[] = [];
    alice.client.on('conversation', (c) => rerendered.push(c.id));
    await alice.client.unblock(carol.id);
    expect(alice.client.blockedUserIds).toEqual([]);
    expect(contents(alice, group)).toEqual(['from bob', 'from carol', 'bob again']);
    expect(rerendered).toContain(group);
    expect(seenContents(alice)).not.toContain('from carol');

    await alice.client.block(carol.id);
    alice.client.close();
    const later = keep(watchClient(app().url));
    await later.client.login({ email: alice.email, password: alice.password });
    expect(later.client.blockedUserIds).toEqual([carol.id]);
    await later.client.openConversation(group);
    expect(contents(later, group)).toEqual(['from bob', 'bob again']);
    expect(seenContents(later)).toEqual(['from bob', 'bob again']);
    await later.client.openConversation(direct);
    expect(contents(later, direct)).toEqual(['before the block']);
  });
});
