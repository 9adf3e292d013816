/** Every socket of a user joins this room: the notifier's address for "all of this user's tabs". */
export const userRoom = (userId: string): string => `user:${userId}`;

/** Every socket opened with a token of one login session (refresh-token family): ended together. */
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;

/** The sockets viewing a conversation (`join_room`): the notifier's address for "not those showing it already". */
export const conversationRoom = (conversationId: string): string => `conversation:${conversationId}`;
