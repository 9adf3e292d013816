import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { conversationView, type ConversationView } from '../../domain/conversation.js';
import { notFound } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { GroupTitle } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { GroupEvents } from './group-events.js';
import { findOwnedGroup } from './group-access.js';

export const RenameGroupInput = t.exact(t.type({ title: GroupTitle }));

/** The owner renames the group; every member hears of it. */
export class RenameGroup {
  constructor(private readonly deps: { conversations: ConversationRepository; events: GroupEvents; clock: Clock }) {}

  async execute(
    caller: AccessClaims,
    rawConversationId: unknown,
    raw: unknown,
  ): Result<{ conversation: ConversationView }> {
    const input = decodeInput(RenameGroupInput, raw);
    if (E.isLeft(input)) return input;
    const { conversations, events, clock } = this.deps;
    const group = await findOwnedGroup(conversations, caller.userId, rawConversationId);
    if (E.isLeft(group)) return group;
    const { title } = input.right;
    if (title === group.right.title) return ok({ conversation: conversationView(group.right) });
    const at = clock.now();
    const renamed = await conversations.renameGroup(group.right.id, title, at);
    if (!renamed) return fail(notFound('Conversation not found'));
    const after = { ...renamed, participants: group.right.participants };
    await events.updated(after, at, `renamed:${at.getTime()}`);
    return ok({ conversation: conversationView(after) });
  }
}
