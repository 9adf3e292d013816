/** Every socket of a user joins this room: the notifier's address for "all of this user's tabs". */
export const userRoom = (userId: string): string => `user:${userId}`;

export const conversationRoom = (conversationId: string): string => `conversation:${conversationId}`;
