import type { ConversationView } from '../../../domain/conversation.js';
import type { MessageView } from '../../../domain/message.js';

/** Ids and values the examples of the AsyncAPI document share, so they tell one consistent story. */
export const ALICE = { id: '665f1c2ab9d3e4f5a6b7c8d9', username: 'alice' } as const;
export const BOB = { id: '665f1c2ab9d3e4f5a6b7c8da', username: 'bob' } as const;
export const CONVERSATION_ID = '665f1c30b9d3e4f5a6b7c8db';
export const MESSAGE_ID = '665f1c31b9d3e4f5a6b7c8dc';
export const CLIENT_MESSAGE_ID = '0b6c6f0e-2f7d-4c8e-9d55-3f1a7d2b9e10';

const SENT_AT = '2026-01-02T03:04:05.678Z';
export const LATER = '2026-01-02T03:04:07.120Z';

/** Alice's third message to Bob, as the server shows it right after storing it. */
export const exampleMessage: MessageView = {
  id: MESSAGE_ID,
  conversationId: CONVERSATION_ID,
  seq: 3,
  senderId: ALICE.id,
  receiverId: BOB.id,
  content: 'See you at noon?',
  messageType: 'text',
  clientMessageId: CLIENT_MESSAGE_ID,
  isDeleted: false,
  createdAt: SENT_AT,
  deliveredAt: null,
  readAt: null,
  deletedAt: null,
  editedAt: null,
  reactions: [],
};

/** The change-feed place of the example message's creation: `<conversationId>:<position>`. */
export const EXAMPLE_CURSOR = `${CONVERSATION_ID}:4`;
export const cursorAfter = (steps: number): string => `${CONVERSATION_ID}:${4 + steps}`;

export const exampleConversation: ConversationView = {
  id: CONVERSATION_ID,
  kind: 'direct',
  participants: [ALICE.id, BOB.id],
  title: null,
  ownerId: null,
  lastMessage: {
    id: MESSAGE_ID,
    seq: 3,
    senderId: ALICE.id,
    preview: exampleMessage.content,
    messageType: 'text',
    createdAt: SENT_AT,
    isDeleted: false,
  },
  lastActivityAt: SENT_AT,
  createdAt: '2026-01-01T18:00:00.000Z',
};
