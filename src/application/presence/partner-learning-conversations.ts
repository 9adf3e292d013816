import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { PartnerDirectory } from './partner-directory.js';

/**
 * The conversation repository, with every conversation found or created
 * through it taught to the partner directory, so this process's presence
 * announcements know a new partner at once. Only `findOrCreate` makes
 * partners; a proxy passes every other method through untouched, however
 * the port grows.
 */
export const partnerLearningConversations = (
  conversations: ConversationRepository,
  partners: PartnerDirectory,
): ConversationRepository => {
  const findOrCreate: ConversationRepository['findOrCreate'] = async (...args) => {
    const conversation = await conversations.findOrCreate(...args);
    partners.learn(conversation.participants);
    return conversation;
  };
  return new Proxy(conversations, {
    get: (target, property) => {
      if (property === 'findOrCreate') return findOrCreate;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
};
