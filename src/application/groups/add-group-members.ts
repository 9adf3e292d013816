import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { conversationView, lastSeqOf, type ConversationView } from '../../domain/conversation.js';
import { notFound, validation } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { AccessClaims } from '../../ports/token-service.js';
import type { UserRepository } from '../../ports/user-repository.js';
import { IdString } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { GroupEvents } from './group-events.js';
import { findOwnedGroup } from './group-access.js';

export const AddGroupMembersInput = t.exact(t.type({ userIds: t.array(IdString) }));

export interface AddedMembers {
  readonly conversation: ConversationView;
  /** Who became a member by this call; those who were members already are left as they are. */
  readonly added: string[];
}

/** The owner adds members; each sees the group's messages from when they joined on. */
export class AddGroupMembers {
  constructor(
    private readonly deps: {
      users: UserRepository;
      conversations: ConversationRepository;
      events: GroupEvents;
      clock: Clock;
      groupMaxMembers: number;
    },
  ) {}

  async execute(caller: AccessClaims, rawConversationId: unknown, raw: unknown): Result<AddedMembers> {
    const input = decodeInput(AddGroupMembersInput, raw);
    if (E.isLeft(input)) return input;
    const { users, conversations, events, clock, groupMaxMembers } = this.deps;
    const group = await findOwnedGroup(conversations, caller.userId, rawConversationId);
    if (E.isLeft(group)) return group;
    const requested = [...new Set(input.right.userIds)];
    if (requested.length === 0) {
      return fail(validation('Validation failed', [{ field: 'userIds', message: 'name at least one user' }]));
    }
    const newcomers = requested.filter((userId) => !group.right.participants.includes(userId));
    if (group.right.participants.length + newcomers.length > groupMaxMembers) {
      return fail(
        validation(`A group has at most ${groupMaxMembers} members`, [
          { field: 'userIds', message: `at most ${groupMaxMembers - group.right.participants.length} more members` },
        ]),
      );
    }
    const found = await users.findByIds(newcomers);
    if (found.length !== newcomers.length || found.some((user) => !user.isActive)) {
      return fail(notFound('User not found'));
    }
    const at = clock.now();
    const joinedAfter = lastSeqOf(group.right);
    const results = await Promise.all(
      newcomers.map((userId) => conversations.addMember(group.right.id, userId, joinedAfter, at)),
    );
    const added = newcomers.filter((_, index) => results[index]);
    const after = (await conversations.findById(group.right.id)) ?? group.right;
    for (const userId of added) await events.memberAdded(after, userId, caller.userId, at);
    return ok({ conversation: conversationView(after), added });
  }
}
