import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { conversationView, type ConversationView } from '../../domain/conversation.js';
import { forbidden, notFound, validation, type AppError } from '../../domain/errors.js';
import { GROUP_MIN_MEMBERS } from '../../domain/membership.js';
import type { BlockRepository } from '../../ports/block-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import type { UserRepository } from '../../ports/user-repository.js';
import type { AccessClaims } from '../../ports/token-service.js';
import type { KnownConversations } from '../conversations/known-conversations.js';
import { GroupTitle, IdString } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { GroupEvents } from './group-events.js';

export const CreateConversationInput = t.exact(
  t.intersection([t.type({ participantIds: t.array(IdString) }), t.partial({ title: GroupTitle })]),
);

export interface CreatedConversation {
  readonly conversation: ConversationView;
  /** True when a group was made; false for a pair's direct conversation (found or created: one per pair). */
  readonly created: boolean;
}

/**
 * Starts a conversation with the given other users: with one other user and
 * no title, the pair's direct conversation; otherwise a group the caller owns.
 */
export class CreateConversation {
  constructor(
    private readonly deps: {
      users: UserRepository;
      conversations: ConversationRepository;
      blocks: BlockRepository;
      known: KnownConversations;
      events: GroupEvents;
      ids: IdGenerator;
      clock: Clock;
      groupMaxMembers: number;
    },
  ) {}

  async execute(caller: AccessClaims, raw: unknown): Result<CreatedConversation> {
    const input = decodeInput(CreateConversationInput, raw);
    if (E.isLeft(input)) return input;
    const others = [...new Set(input.right.participantIds)];
    const invalid = this.checkMembers(caller.userId, others, input.right.title);
    if (invalid) return fail(invalid);
    const users = await this.deps.users.findByIds(others);
    if (users.length !== others.length || users.some((user) => !user.isActive)) return fail(notFound('User not found'));
    const { title } = input.right;
    return title === undefined ? this.direct(caller.userId, others[0]!) : this.group(caller.userId, others, title);
  }

  private checkMembers(callerId: string, others: readonly string[], title: string | undefined): AppError | null {
    const { groupMaxMembers } = this.deps;
    if (others.length === 0)
      return validation('Validation failed', [{ field: 'participantIds', message: 'name at least one other user' }]);
    if (others.includes(callerId)) {
      return validation('Validation failed', [
        { field: 'participantIds', message: 'name the other members, not yourself' },
      ]);
    }
    if (others.length + 1 > groupMaxMembers) {
      return validation(`A group has at most ${groupMaxMembers} members`, [
        { field: 'participantIds', message: `at most ${groupMaxMembers - 1} other members` },
      ]);
    }
    if (others.length === 1 && title !== undefined) {
      return validation(`A group has at least ${GROUP_MIN_MEMBERS} members`, [
        { field: 'participantIds', message: `name at least ${GROUP_MIN_MEMBERS - 1} other members for a group` },
      ]);
    }
    if (others.length > 1 && title === undefined) {
      return validation('A group needs a title', [{ field: 'title', message: 'is required for a group' }]);
    }
    return null;
  }

  private async direct(callerId: string, otherId: string): Result<CreatedConversation> {
    const { blocks, conversations, known, ids, clock } = this.deps;
    const blocked = await blocks.blockedEitherWay(callerId, [otherId]);
    if (blocked.size > 0) return fail(forbidden('You cannot start a conversation with this user'));
    const conversation = await conversations.findOrCreate(callerId, otherId, ids.next(), clock.now());
    known.remember(conversation);
    return ok({ conversation: conversationView(conversation), created: false });
  }

  private async group(ownerId: string, others: readonly string[], title: string): Result<CreatedConversation> {
    const { conversations, events, ids, clock } = this.deps;
    const group = await conversations.createGroup({
      id: ids.next(),
      title,
      ownerId,
      memberIds: [ownerId, ...others],
      now: clock.now(),
    });
    await events.created(group);
    return ok({ conversation: conversationView(group), created: true });
  }
}
