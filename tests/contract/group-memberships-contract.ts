import { beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/domain/conversation.js';
import type { Membership } from '../../src/domain/membership.js';
import type { ConversationRepository, NewGroup } from '../../src/ports/conversation-repository.js';
import { at, idSequence } from './contract-ids.js';

/** Each call gives an empty repository. */
export type GroupRepositoryFactory = () => Promise<ConversationRepository>;

export const describeGroupMembershipsContract = (implementationName: string, factory: GroupRepositoryFactory): void => {
  describe(`GroupMemberships contract: ${implementationName}`, () => {
    let repository: ConversationRepository;
    let nextId: () => string;

    beforeEach(async () => {
      repository = await factory();
      nextId = idSequence();
    });

    const aGroup = (overrides: Partial<NewGroup> = {}): Promise<Conversation> =>
      repository.createGroup({
        id: nextId(),
        title: 'Climbing',
        ownerId: 'olga',
        memberIds: ['olga', 'zack', 'amy'],
        now: at(1),
        ...overrides,
      });

    /** A current member who joined at `joinedAt` after position `seq`, having read and received up to it. */
    const currentMember = (conversationId: string, userId: string, joinedAt: Date, seq: number): Membership => ({
      conversationId,
      userId,
      joinedAt,
      joinedAfterSeq: seq,
      leftAt: null,
      readSeq: seq,
      deliveredSeq: seq,
    });

    const participantsOf = async (id: string) => (await repository.findById(id))?.participants;
    const activeMemberIds = async (id: string) => (await repository.activeMembers(id)).map((member) => member.userId);

    it('creates a group with its founders as members at position 0, the owner the longest-standing', async () => {
      const id = nextId();
      const group = await repository.createGroup({
        id,
        title: 'Climbing',
        ownerId: 'olga',
        memberIds: ['olga', 'zack', 'amy'],
        now: at(1),
      });

      expect(group).toEqual({
        id,
        kind: 'group',
        participants: ['olga', 'amy', 'zack'],
        participantKey: null,
        title: 'Climbing',
        ownerId: 'olga',
        lastMessage: null,
        lastActivityAt: at(1),
        createdAt: at(1),
        mutes: {},
      });
      expect(await repository.findById(id)).toEqual(group);
      expect(await repository.membership(id, 'amy')).toMatchObject({
        conversationId: id,
        userId: 'amy',
        joinedAfterSeq: 0,
        leftAt: null,
        readSeq: 0,
        deliveredSeq: 0,
      });
      expect(await activeMemberIds(id)).toEqual(['olga', 'amy', 'zack']);
      expect(await repository.membership(id, 'stranger')).toBeNull();
    });

    it('keeps two groups of the same members apart, beside their direct conversations', async () => {
      const first = await aGroup();
      const second = await aGroup();
      const direct = await repository.findOrCreate('olga', 'amy', nextId(), at(2));

      expect(second.id).not.toBe(first.id);
      expect(direct).toMatchObject({ kind: 'direct', participants: ['amy', 'olga'], participantKey: 'amy:olga' });
      expect((await repository.listForUser('olga', 1, 10)).total).toBe(3);
    });

    it('lists current members longest-standing first: one added later last, one who left gone, one back last', async () => {
      const { id } = await aGroup();
      await repository.addMember(id, 'bea', 4, at(5));
      expect(await participantsOf(id)).toEqual(['olga', 'amy', 'zack', 'bea']);

      await repository.removeMember(id, 'amy', at(6));
      expect(await participantsOf(id)).toEqual(['olga', 'zack', 'bea']);
      await repository.addMember(id, 'amy', 9, at(7));
      expect(await participantsOf(id)).toEqual(['olga', 'zack', 'bea', 'amy']);
      expect(await activeMemberIds(id)).toEqual(['olga', 'zack', 'bea', 'amy']);
    });

    it('renames a group and hands it to another owner, answering null for a direct conversation or no conversation', async () => {
      const group = await aGroup();
      const direct = await repository.findOrCreate('olga', 'amy', nextId(), at(1));

      expect(await repository.renameGroup(group.id, 'Bouldering', at(8))).toEqual({
        ...group,
        title: 'Bouldering',
        lastActivityAt: at(8),
      });
      expect(await repository.setOwner(group.id, 'zack')).toMatchObject({ ownerId: 'zack', title: 'Bouldering' });
      expect(await repository.findById(group.id)).toMatchObject({ ownerId: 'zack', participants: group.participants });

      expect(await repository.renameGroup(direct.id, 'No', at(9))).toBeNull();
      expect(await repository.setOwner(direct.id, 'amy')).toBeNull();
      expect(await repository.findById(direct.id)).toEqual(direct);
      expect(await repository.renameGroup(nextId(), 'No', at(9))).toBeNull();
      expect(await repository.setOwner(nextId(), 'amy')).toBeNull();
    });

    it('adds a member once: the second call answers false and leaves one membership', async () => {
      const { id } = await aGroup();
      expect(await repository.addMember(id, 'bea', 3, at(4))).toBe(true);
      expect(await repository.addMember(id, 'bea', 5, at(6))).toBe(false);
      expect(await repository.addMember(id, 'olga', 5, at(6))).toBe(false);

      expect(await repository.membership(id, 'bea')).toEqual(currentMember(id, 'bea', at(4), 3));
      expect((await repository.activeMembers(id)).filter((member) => member.userId === 'bea')).toHaveLength(1);
    });

    it('gives ten concurrent additions of one user exactly one true and one membership', async () => {
      const { id } = await aGroup();
      const results = await Promise.all(Array.from({ length: 10 }, () => repository.addMember(id, 'bea', 2, at(3))));

      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await activeMemberIds(id)).toEqual(['olga', 'amy', 'zack', 'bea']);
    });

    it('ends a membership once, and takes back a member who left with new positions', async () => {
      const { id } = await aGroup();
      await repository.advanceRead(id, 'amy', 2);
      expect(await repository.removeMember(id, 'amy', at(5))).toBe(true);
      expect(await repository.removeMember(id, 'amy', at(6))).toBe(false);
      expect(await repository.removeMember(id, 'stranger', at(6))).toBe(false);
      expect(await repository.membership(id, 'amy')).toMatchObject({ leftAt: at(5), readSeq: 2 });
      expect(await repository.advanceRead(id, 'amy', 4)).toBe(false);

      expect(await repository.addMember(id, 'amy', 7, at(8))).toBe(true);
      expect(await repository.membership(id, 'amy')).toEqual(currentMember(id, 'amy', at(8), 7));
    });

    it('moves read and delivery positions only up, each on its own, for current members only', async () => {
      const { id } = await aGroup();
      expect(await repository.advanceRead(id, 'amy', 5)).toBe(true);
      expect(await repository.advanceRead(id, 'amy', 3)).toBe(false);
      expect(await repository.advanceRead(id, 'amy', 5)).toBe(false);
      expect(await repository.advanceDelivered(id, 'amy', 4)).toBe(true);
      expect(await repository.advanceDelivered(id, 'amy', 2)).toBe(false);
      expect(await repository.advanceRead(id, 'amy', 7)).toBe(true);
      expect(await repository.advanceRead(id, 'stranger', 7)).toBe(false);

      expect(await repository.membership(id, 'amy')).toMatchObject({ readSeq: 7, deliveredSeq: 4 });
      expect(await repository.membership(id, 'zack')).toMatchObject({ readSeq: 0, deliveredSeq: 0 });
    });

    it("gives a user's read position in each group they are a current member of, and none elsewhere", async () => {
      const group = await aGroup();
      const left = await aGroup();
      const direct = await repository.findOrCreate('amy', 'bob', nextId(), at(1));
      await repository.advanceRead(group.id, 'amy', 4);
      await repository.removeMember(left.id, 'amy', at(2));

      const positions = await repository.readPositions('amy', [group.id, left.id, direct.id, nextId()]);
      expect(positions).toEqual(new Map([[group.id, 4]]));
      expect(await repository.readPositions('amy', [])).toEqual(new Map());
      const everyGroup = await repository.readPositions('amy');
      expect([everyGroup.get(group.id), everyGroup.has(left.id), everyGroup.has(direct.id)]).toEqual([4, false, false]);
    });

    it('lists direct conversations and current groups together, newest activity first, with the right total', async () => {
      const old = await repository.findOrCreate('amy', 'bob', nextId(), at(1));
      const group = await aGroup({ now: at(2) });
      const recent = await repository.findOrCreate('cat', 'amy', nextId(), at(3));
      const left = await aGroup({ now: at(4) });
      await repository.removeMember(left.id, 'amy', at(5));
      await repository.recordLastMessage(group.id, {
        id: nextId(),
        seq: 1,
        senderId: 'zack',
        preview: 'hi',
        messageType: 'text',
        createdAt: at(6),
        isDeleted: false,
      });

      const first = await repository.listForUser('amy', 1, 2);
      expect(first.conversations.map((c) => c.id)).toEqual([group.id, recent.id]);
      expect(first.conversations[0]).toMatchObject({ kind: 'group', participants: ['olga', 'amy', 'zack'] });
      expect(first.total).toBe(3);
      expect((await repository.listForUser('amy', 2, 2)).conversations.map((c) => c.id)).toEqual([old.id]);
      expect((await repository.listIdsForUser('amy')).sort()).toEqual([old.id, group.id, recent.id].sort());
      expect((await repository.listForUser('olga', 1, 10)).total).toBe(2);
    });

    it("lists a user's current group co-members as partners, and no one of a group they left", async () => {
      const { id } = await aGroup();
      await repository.findOrCreate('amy', 'bob', nextId(), at(1));
      await repository.addMember(id, 'bea', 1, at(2));
      await repository.removeMember(id, 'zack', at(3));

      expect((await repository.listPartnerIds('amy')).sort()).toEqual(['bea', 'bob', 'olga']);
      expect((await repository.listPartnerIds('zack')).sort()).toEqual([]);
      await repository.removeMember(id, 'amy', at(4));
      expect((await repository.listPartnerIds('amy')).sort()).toEqual(['bob']);
    });

    it('answers a group with its members from every update: last message, mute', async () => {
      const group = await aGroup();
      const muted = await repository.setMute(group.id, 'amy', null);
      expect(muted).toEqual({ ...group, mutes: { amy: null } });
      expect(await repository.clearMute(group.id, 'amy')).toEqual(group);
    });
  });
};
