import type { ConversationState, MessageView } from '../../../client/src/index.js';

export const ME = 'a'.repeat(24);
export const PEER = 'b'.repeat(24);
export const CONVERSATION = 'c'.repeat(24);

/** A stored message at position `seq` of the test conversation; `mine` sends it from ME. */
export const storedMessage = (seq: number, options: Partial<MessageView> & { mine?: boolean } = {}): MessageView => {
  const { mine = false, ...fields } = options;
  return {
    id: `m${String(seq).padStart(23, '0')}`,
    conversationId: CONVERSATION,
    seq,
    senderId: mine ? ME : PEER,
    receiverId: mine ? PEER : ME,
    content: `message ${seq}`,
    messageType: 'text',
    clientMessageId: mine ? `cmid-${seq}` : null,
    isDeleted: false,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
    deliveredAt: null,
    readAt: null,
    deletedAt: null,
    editedAt: null,
    reactions: [],
    ...fields,
  };
};

export const summary = (lastSeq: number, unreadCount = 0): ConversationState => ({
  id: CONVERSATION,
  kind: 'direct',
  participants: [ME, PEER],
  title: null,
  ownerId: null,
  lastMessage:
    lastSeq === 0
      ? null
      : {
          id: storedMessage(lastSeq).id,
          seq: lastSeq,
          senderId: PEER,
          preview: `message ${lastSeq}`,
          messageType: 'text',
          createdAt: storedMessage(lastSeq).createdAt,
          isDeleted: false,
        },
  lastActivityAt: storedMessage(Math.max(lastSeq, 1)).createdAt,
  createdAt: storedMessage(1).createdAt,
  otherParticipant: { id: PEER, username: 'peer', isOnline: false, lastSeen: null },
  unreadCount,
  muted: false,
  mutedUntil: null,
});
