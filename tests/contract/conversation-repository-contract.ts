import { beforeEach, describe, expect, it } from 'vitest';
import type { LastMessage } from '../../src/domain/conversation.js';
import type { ConversationRepository } from '../../src/ports/conversation-repository.js';
import { at, idSequence, T0 } from './contract-ids.js';

/** Each call gives an empty repository. */
export type ConversationRepositoryFactory = () => Promise<ConversationRepository>;

export const describeConversationRepositoryContract = (
  implementationName: string,
  factory: ConversationRepositoryFactory,
): void => {
  describe(`ConversationRepository contract: ${implementationName}`, () => {
    let repository: ConversationRepository;
    let nextId: () => string;

    beforeEach(async () => {
      repository = await factory();
      nextId = idSequence();
    });

    let seq = 0;
    const aLastMessage = (createdAt: Date, overrides: Partial<LastMessage> = {}): LastMessage => ({
      id: nextId(),
      seq: (seq += 1),
      senderId: 'alice',
      preview: 'hello',
      messageType: 'text',
      createdAt,
      isDeleted: false,
      ...overrides,
    });

    it('creates the one conversation of a pair, with sorted participants, and finds it again in either order', async () => {
      const id = nextId();
      const created = await repository.findOrCreate('zoe', 'adam', id, at(1));
      expect(created).toEqual({
        id,
        kind: 'direct',
        participants: ['adam', 'zoe'],
        participantKey: 'adam:zoe',
        title: null,
        ownerId: null,
        lastMessage: null,
        lastActivityAt: at(1),
        createdAt: at(1),
        mutes: {},
      });

      expect(await repository.findOrCreate('adam', 'zoe', nextId(), at(2))).toEqual(created);
      expect(await repository.findById(id)).toEqual(created);
      expect(await repository.findByParticipants('zoe', 'adam')).toEqual(created);
      expect(await repository.findByParticipants('adam', 'zoe')).toEqual(created);
    });

    it('finds nothing for an unknown pair or id', async () => {
      await repository.findOrCreate('adam', 'zoe', nextId(), T0);
      expect(await repository.findByParticipants('adam', 'eve')).toBeNull();
      expect(await repository.findById(nextId())).toBeNull();
      expect(await repository.findById('not-an-id')).toBeNull();
    });

    it('gives ten concurrent first calls for one pair the same single conversation', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2 === 0
            ? repository.findOrCreate('adam', 'zoe', nextId(), at(1))
            : repository.findOrCreate('zoe', 'adam', nextId(), at(1)),
        ),
      );
      expect(new Set(results.map((conversation) => conversation.id)).size).toBe(1);
      expect((await repository.listForUser('adam', 1, 10)).total).toBe(1);
      expect((await repository.listForUser('zoe', 1, 10)).conversations.map((c) => c.id)).toEqual([results[0]?.id]);
    });

    it('records the newest message as the last one and moves the activity time', async () => {
      const conversation = await repository.findOrCreate('alice', 'bob', nextId(), at(1));
      const lastMessage = aLastMessage(at(5), { messageType: 'auto' });

      const after = await repository.recordLastMessage(conversation.id, lastMessage);
      const expected = { ...conversation, lastMessage, lastActivityAt: at(5) };
      expect(after).toEqual(expected);
      expect(await repository.findById(conversation.id)).toEqual(expected);
    });

    it('leaves the last message alone when one at a lower position arrives late, whatever its time', async () => {
      const conversation = await repository.findOrCreate('alice', 'bob', nextId(), at(1));
      const earlier = aLastMessage(at(12), { preview: 'earlier position, later clock' });
      const newest = aLastMessage(at(10));
      await repository.recordLastMessage(conversation.id, newest);

      const late = await repository.recordLastMessage(conversation.id, earlier);
      expect(late).toEqual({ ...conversation, lastMessage: newest, lastActivityAt: at(10) });
      expect(await repository.recordLastMessage(conversation.id, newest)).toEqual(late);

      const next = aLastMessage(at(9), { preview: 'next position, earlier clock' });
      expect(await repository.recordLastMessage(conversation.id, next)).toMatchObject({
        lastMessage: next,
        lastActivityAt: at(9),
      });
    });

    it('records a first message even when its time is before the conversation was created', async () => {
      const conversation = await repository.findOrCreate('alice', 'bob', nextId(), at(10));
      const first = aLastMessage(at(9));
      expect(await repository.recordLastMessage(conversation.id, first)).toMatchObject({
        lastMessage: first,
        lastActivityAt: at(9),
      });
    });

    it('returns null when recording on a conversation that does not exist', async () => {
      expect(await repository.recordLastMessage(nextId(), aLastMessage(at(1)))).toBeNull();
    });

    it('hides the last message preview only when the deleted message is the last one', async () => {
      const conversation = await repository.findOrCreate('alice', 'bob', nextId(), at(1));
      const last = aLastMessage(at(2));
      await repository.recordLastMessage(conversation.id, last);

      expect(await repository.markLastMessageDeleted(conversation.id, nextId())).toBe(false);
      expect((await repository.findById(conversation.id))?.lastMessage).toEqual(last);

      expect(await repository.markLastMessageDeleted(conversation.id, last.id)).toBe(true);
      expect((await repository.findById(conversation.id))?.lastMessage).toEqual({
        ...last,
        preview: '',
        isDeleted: true,
      });
      expect(await repository.markLastMessageDeleted(nextId(), last.id)).toBe(false);
    });

    it('replaces the last message’s preview after an edit of that message only, and never of a deleted one', async () => {
      const conversation = await repository.findOrCreate('alice', 'bob', nextId(), T0);
      const last = aLastMessage(at(2));
      await repository.recordLastMessage(conversation.id, last);

      expect(await repository.recordLastMessageEdit(conversation.id, nextId(), 'not the last')).toBe(false);
      expect((await repository.findById(conversation.id))?.lastMessage).toEqual(last);
      expect(await repository.recordLastMessageEdit(conversation.id, last.id, 'edited')).toBe(true);
      expect((await repository.findById(conversation.id))?.lastMessage).toEqual({ ...last, preview: 'edited' });
      await repository.markLastMessageDeleted(conversation.id, last.id);
      expect(await repository.recordLastMessageEdit(conversation.id, last.id, 'too late')).toBe(false);
      expect((await repository.findById(conversation.id))?.lastMessage).toMatchObject({ preview: '', isDeleted: true });
    });

    it("lists a user's conversations newest activity first, then id descending, in 1-based pages", async () => {
      const quiet = await repository.findOrCreate('me', 'u1', nextId(), at(1));
      const tiedLow = await repository.findOrCreate('me', 'u2', nextId(), at(5));
      const tiedHigh = await repository.findOrCreate('u3', 'me', nextId(), at(5));
      const busy = await repository.findOrCreate('me', 'u4', nextId(), at(2));
      await repository.recordLastMessage(busy.id, aLastMessage(at(9)));
      await repository.findOrCreate('u1', 'u2', nextId(), at(20));

      const first = await repository.listForUser('me', 1, 3);
      expect(first.conversations.map((c) => c.id)).toEqual([busy.id, tiedHigh.id, tiedLow.id]);
      expect(first.total).toBe(4);
      const second = await repository.listForUser('me', 2, 3);
      expect(second.conversations.map((c) => c.id)).toEqual([quiet.id]);
      expect(second.total).toBe(4);
      expect(await repository.listForUser('nobody', 1, 3)).toEqual({ conversations: [], total: 0 });
    });

    it('lists everyone who shares a conversation with a user, once each', async () => {
      await repository.findOrCreate('me', 'u1', nextId(), T0);
      await repository.findOrCreate('u2', 'me', nextId(), T0);
      await repository.findOrCreate('u1', 'u3', nextId(), T0);

      expect((await repository.listPartnerIds('me')).sort()).toEqual(['u1', 'u2']);
      expect((await repository.listPartnerIds('u1')).sort()).toEqual(['me', 'u3']);
      expect(await repository.listPartnerIds('nobody')).toEqual([]);
    });

    it('lists the ids of every conversation of a user, and none for a stranger', async () => {
      const first = await repository.findOrCreate('me', 'u1', nextId(), T0);
      const second = await repository.findOrCreate('u2', 'me', nextId(), T0);
      await repository.findOrCreate('u1', 'u3', nextId(), T0);

      expect((await repository.listIdsForUser('me')).sort()).toEqual([first.id, second.id].sort());
      expect(await repository.listIdsForUser('nobody')).toEqual([]);
    });

    it('hands out copies: changing what it returned or was given does not change what it stores', async () => {
      const now = at(1);
      const conversation = await repository.findOrCreate('alice', 'bob', nextId(), now);
      now.setTime(0);
      const last = aLastMessage(at(2));
      await repository.recordLastMessage(conversation.id, last);
      (last.createdAt as Date).setTime(0);
      const found = await repository.findById(conversation.id);
      (found?.participants as unknown as string[])[0] = 'mallory';
      (found?.lastActivityAt as Date).setTime(0);

      expect(await repository.findById(conversation.id)).toMatchObject({
        participants: ['alice', 'bob'],
        createdAt: at(1),
        lastActivityAt: at(2),
        lastMessage: { createdAt: at(2) },
      });
    });

    it('mutes for one participant until a time or until unmuted, and unmutes, keeping the other’s mute', async () => {
      const { id } = await repository.findOrCreate('alice', 'bob', nextId(), at(1));
      expect((await repository.setMute(id, 'alice', at(100)))?.mutes).toEqual({ alice: at(100) });
      expect((await repository.setMute(id, 'bob', null))?.mutes).toEqual({ alice: at(100), bob: null });
      expect((await repository.setMute(id, 'alice', null))?.mutes).toEqual({ alice: null, bob: null });
      expect((await repository.clearMute(id, 'alice'))?.mutes).toEqual({ bob: null });
      expect((await repository.clearMute(id, 'alice'))?.mutes).toEqual({ bob: null });
      expect((await repository.findById(id))?.mutes).toEqual({ bob: null });
      expect(await repository.setMute(nextId(), 'alice', null)).toBeNull();
      expect(await repository.clearMute(nextId(), 'alice')).toBeNull();
    });
  });
};
