import * as E from 'fp-ts/lib/Either.js';
import { conversationView, type Conversation, type ConversationView } from '../../domain/conversation.js';
import { notFound, type AppError } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { IdString } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { GroupEvents } from './group-events.js';
import { findOwnedGroup, findOwnGroup } from './group-access.js';

/** The path segment a member uses to leave: `DELETE …/members/me`. */
export const SELF = 'me';

/**
 * The owner removes a member, or a member leaves (`me`). An owner who leaves
 * hands the group to the longest-standing member. Whoever is out sees
 * nothing of the group any more.
 */
export class RemoveGroupMember {
  constructor(private readonly deps: { conversations: ConversationRepository; events: GroupEvents; clock: Clock }) {}

  async execute(
    caller: AccessClaims,
    rawConversationId: unknown,
    rawUserId: unknown,
  ): Result<{ conversation: ConversationView }> {
    const target = rawUserId === SELF ? E.right(caller.userId) : decodeInput(IdString, rawUserId);
    if (E.isLeft(target)) return target;
    const userId = target.right;
    const group = await this.groupFor(caller.userId, userId, rawConversationId);
    if (E.isLeft(group)) return group;
    if (!group.right.participants.includes(userId)) return fail(notFound('Member not found'));

    const { conversations, events, clock } = this.deps;
    const at = clock.now();
    if (!(await conversations.removeMember(group.right.id, userId, at))) return fail(notFound('Member not found'));
    const newOwner = group.right.ownerId === userId ? await this.handOver(group.right) : null;
    const after = (await conversations.findById(group.right.id)) ?? group.right;
    await events.memberRemoved(after, userId, caller.userId, at);
    if (newOwner) await events.updated(after, at, `owner:${newOwner}:${at.getTime()}`);
    return ok({ conversation: conversationView(after) });
  }

  /** Anyone may leave; removing someone else takes the owner. */
  private groupFor(
    callerId: string,
    userId: string,
    rawConversationId: unknown,
  ): Promise<E.Either<AppError, Conversation>> {
    const { conversations } = this.deps;
    return userId === callerId
      ? findOwnGroup(conversations, callerId, rawConversationId)
      : findOwnedGroup(conversations, callerId, rawConversationId);
  }

  /** The longest-standing member left becomes the owner; an empty group keeps none. */
  private async handOver(group: Conversation): Promise<string | null> {
    const [next] = await this.deps.conversations.activeMembers(group.id);
    if (!next) return null;
    await this.deps.conversations.setOwner(group.id, next.userId);
    return next.userId;
  }
}
