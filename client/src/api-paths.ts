/** REST paths the session builds from ids. */
export const conversationPath = (conversationId: string): string =>
  `/api/conversations/${encodeURIComponent(conversationId)}`;

export const historyPath = (conversationId: string): string => `${conversationPath(conversationId)}/messages`;

export const reactionPath = (messageId: string, emoji: string): string =>
  `/api/messages/${encodeURIComponent(messageId)}/reactions/${encodeURIComponent(emoji)}`;

export const blockPath = (userId: string): string => `/api/users/${encodeURIComponent(userId)}/block`;
