import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { validation } from '../../domain/errors.js';
import { isMutedFor, type Conversation } from '../../domain/conversation.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { AccessClaims } from '../../ports/token-service.js';
import { Instant } from '../shared/codecs.js';
import { decodeInput } from '../shared/decode.js';
import { fail, ok, type Result } from '../shared/result.js';
import { findOwnConversation } from './conversation-access.js';

export const MuteInput = t.exact(t.partial({ until: Instant }));

/** How far ahead a mute may end; beyond it, mute until unmuting. */
const LONGEST_TIMED_MUTE_MS = 10 * 366 * 86_400_000;

export interface MuteState {
  readonly conversationId: string;
  readonly muted: boolean;
  /** When the mute ends by itself; null while muted until unmuting, or when not muted. */
  readonly mutedUntil: string | null;
}

export const muteStateOf = (conversation: Conversation, userId: string, now: Date): MuteState => {
  const muted = isMutedFor(conversation, userId, now);
  const until = conversation.mutes[userId];
  return { conversationId: conversation.id, muted, mutedUntil: muted && until ? until.toISOString() : null };
};

/**
 * A participant mutes a conversation: no `new_message_notification` for it
 * while muted; messages and unread counts are unchanged. Both are idempotent.
 */
export class MuteConversation {
  constructor(private readonly deps: { conversations: ConversationRepository; clock: Clock }) {}

  async mute(caller: AccessClaims, rawConversationId: unknown, rawBody: unknown): Result<MuteState> {
    const input = decodeInput(MuteInput, rawBody ?? {});
    if (E.isLeft(input)) return input;
    const now = this.deps.clock.now();
    const until = input.right.until === undefined ? null : new Date(input.right.until);
    if (until && (until <= now || until.getTime() - now.getTime() > LONGEST_TIMED_MUTE_MS)) {
      return fail(
        validation('A mute ends in the future, within ten years', [
          {
            field: 'until',
            message: 'must be in the future, at most ten years ahead (omit it to mute until unmuting)',
          },
        ]),
      );
    }
    return this.change(caller, rawConversationId, (id) => this.deps.conversations.setMute(id, caller.userId, until));
  }

  unmute(caller: AccessClaims, rawConversationId: unknown): Result<MuteState> {
    return this.change(caller, rawConversationId, (id) => this.deps.conversations.clearMute(id, caller.userId));
  }

  private async change(
    caller: AccessClaims,
    rawConversationId: unknown,
    write: (conversationId: string) => Promise<Conversation | null>,
  ): Result<MuteState> {
    const conversation = await findOwnConversation(this.deps.conversations, caller.userId, rawConversationId);
    if (E.isLeft(conversation)) return conversation;
    const after = (await write(conversation.right.id)) ?? conversation.right;
    return ok(muteStateOf(after, caller.userId, this.deps.clock.now()));
  }
}
