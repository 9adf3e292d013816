import {
  conversationView,
  otherParticipant,
  type Conversation,
  type ConversationView,
} from '../../domain/conversation.js';
import { publicUserView, type PublicUserView } from '../../domain/user.js';
import type { BlockRepository } from '../../ports/block-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { PresenceStore } from '../../ports/presence-store.js';
import type { UserRepository } from '../../ports/user-repository.js';
import { muteStateOf, type MuteState } from './mute-conversation.js';

const mutedOf = ({ muted, mutedUntil }: MuteState) => ({ muted, mutedUntil });

export interface ConversationSummary extends ConversationView {
  readonly otherParticipant: PublicUserView | null;
  readonly unreadCount: number;
  /** The viewer's mute of it. */
  readonly muted: boolean;
  readonly mutedUntil: string | null;
}

/**
 * Conversations as one user sees them. A whole page costs four queries
 * (partners, presence, blocks, unread counts), whatever its size. A partner
 * either blocks the viewer or the viewer blocks shows offline.
 */
export class ConversationSummaries {
  constructor(
    private readonly deps: {
      users: UserRepository;
      messages: MessageRepository;
      presence: PresenceStore;
      blocks: BlockRepository;
      clock: Clock;
    },
  ) {}

  async summarise(viewerId: string, conversations: readonly Conversation[]): Promise<ConversationSummary[]> {
    const partnerIds = conversations.map((c) => otherParticipant(c, viewerId));
    const now = this.deps.clock.now();
    const [partners, online, blocked, unread] = await Promise.all([
      this.deps.users.findByIds(partnerIds),
      this.deps.presence.onlineAmong(partnerIds, now),
      this.deps.blocks.blockedEitherWay(viewerId, partnerIds),
      this.deps.messages.countUnreadByConversation(
        viewerId,
        conversations.map((c) => c.id),
      ),
    ]);
    const partnerById = new Map(partners.map((u) => [u.id, u]));
    return conversations.map((conversation) => {
      const partner = partnerById.get(otherParticipant(conversation, viewerId));
      return {
        ...conversationView(conversation),
        otherParticipant: partner ? publicUserView(partner, online.has(partner.id) && !blocked.has(partner.id)) : null,
        unreadCount: unread.get(conversation.id) ?? 0,
        ...mutedOf(muteStateOf(conversation, viewerId, now)),
      };
    });
  }
}
