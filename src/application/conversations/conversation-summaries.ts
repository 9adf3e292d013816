import {
  conversationView,
  otherParticipant,
  type Conversation,
  type ConversationView,
} from '../../domain/conversation.js';
import { publicUserView, type PublicUserView } from '../../domain/user.js';
import type { BlockRepository } from '../../ports/block-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
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
 * (partners, presence, blocks, unread counts), and two more with groups
 * (read positions, their unread counts), whatever its size. A partner
 * either blocks the viewer or the viewer blocks shows offline.
 */
export class ConversationSummaries {
  constructor(
    private readonly deps: {
      users: UserRepository;
      messages: MessageRepository;
      conversations: ConversationRepository;
      presence: PresenceStore;
      blocks: BlockRepository;
      clock: Clock;
    },
  ) {}

  async summarise(viewerId: string, conversations: readonly Conversation[]): Promise<ConversationSummary[]> {
    const direct = conversations.filter((c) => c.kind === 'direct');
    const partnerIds = direct.map((c) => otherParticipant(c, viewerId));
    const now = this.deps.clock.now();
    const [partners, online, blocked, unread, groupUnread] = await Promise.all([
      this.deps.users.findByIds(partnerIds),
      this.deps.presence.onlineAmong(partnerIds, now),
      this.deps.blocks.blockedEitherWay(viewerId, partnerIds),
      this.deps.messages.countUnreadByConversation(
        viewerId,
        direct.map((c) => c.id),
      ),
      this.groupUnread(
        viewerId,
        conversations.filter((c) => c.kind === 'group'),
      ),
    ]);
    const partnerById = new Map(partners.map((u) => [u.id, u]));
    return conversations.map((conversation) => {
      const partner = conversation.kind === 'direct' ? partnerById.get(otherParticipant(conversation, viewerId)) : null;
      return {
        ...conversationView(conversation),
        otherParticipant: partner ? publicUserView(partner, online.has(partner.id) && !blocked.has(partner.id)) : null,
        unreadCount: unread.get(conversation.id) ?? groupUnread.get(conversation.id) ?? 0,
        ...mutedOf(muteStateOf(conversation, viewerId, now)),
      };
    });
  }

  /** A group's unread messages: those past the viewer's read position that others sent. */
  private async groupUnread(viewerId: string, groups: readonly Conversation[]): Promise<Map<string, number>> {
    if (groups.length === 0) return new Map();
    const { conversations, messages } = this.deps;
    const readSeqs = await conversations.readPositions(
      viewerId,
      groups.map((group) => group.id),
    );
    return messages.countUnreadAfterEach(viewerId, readSeqs);
  }
}
