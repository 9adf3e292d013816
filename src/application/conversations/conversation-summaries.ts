import {
  conversationView,
  otherParticipant,
  type Conversation,
  type ConversationView,
} from '../../domain/conversation.js';
import { publicUserView, type PublicUserView } from '../../domain/user.js';
import type { Clock } from '../../ports/clock.js';
import type { MessageRepository } from '../../ports/message-repository.js';
import type { PresenceStore } from '../../ports/presence-store.js';
import type { UserRepository } from '../../ports/user-repository.js';

export interface ConversationSummary extends ConversationView {
  readonly otherParticipant: PublicUserView | null;
  readonly unreadCount: number;
}

/**
 * Conversations as one user sees them. A whole page costs three queries
 * (partners, presence, unread counts), whatever its size.
 */
export class ConversationSummaries {
  constructor(
    private readonly deps: {
      users: UserRepository;
      messages: MessageRepository;
      presence: PresenceStore;
      clock: Clock;
    },
  ) {}

  async summarise(viewerId: string, conversations: readonly Conversation[]): Promise<ConversationSummary[]> {
    const partnerIds = conversations.map((c) => otherParticipant(c, viewerId));
    const [partners, online, unread] = await Promise.all([
      this.deps.users.findByIds(partnerIds),
      this.deps.presence.onlineAmong(partnerIds, this.deps.clock.now()),
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
        otherParticipant: partner ? publicUserView(partner, online.has(partner.id)) : null,
        unreadCount: unread.get(conversation.id) ?? 0,
      };
    });
  }
}
