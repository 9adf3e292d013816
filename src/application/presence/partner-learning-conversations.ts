import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { PartnerDirectory } from './partner-directory.js';

/**
 * The conversation repository, with every conversation found or created
 * through it taught to the partner directory, so this process's presence
 * announcements know a new partner at once. Only `findOrCreate`,
 * `createGroup` and `addMember` make partners; a proxy passes every other
 * method through untouched, however the port grows. (A member who leaves
 * stays a partner here until the directory reads the user again.)
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
  const createGroup: ConversationRepository['createGroup'] = async (...args) => {
    const group = await conversations.createGroup(...args);
    partners.learn(group.participants);
    return group;
  };
  const addMember: ConversationRepository['addMember'] = async (conversationId, ...rest) => {
    const added = await conversations.addMember(conversationId, ...rest);
    if (added) partners.learn((await conversations.activeMembers(conversationId)).map((member) => member.userId));
    return added;
  };
  const learning: Record<string | symbol, unknown> = { findOrCreate, createGroup, addMember };
  return new Proxy(conversations, {
    get: (target, property) => {
      if (property in learning) return learning[property];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
};
