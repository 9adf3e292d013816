import type { ConversationState, ConversationView, MessageView } from '../../../client/src/public-types.js';
import { ME, PEER, storedMessage, summary } from './message-factory.js';

export const CAROL = 'e'.repeat(24);
export const DAVE = 'f'.repeat(24);
export const GROUP = '9'.repeat(24);

/** The test group: ME owns it with PEER and CAROL. */
export const groupView = (fields: Partial<ConversationView> = {}): ConversationView => ({
  id: GROUP,
  kind: 'group',
  participants: [ME, PEER, CAROL],
  title: 'Engines',
  ownerId: ME,
  lastMessage: null,
  lastActivityAt: '2026-01-01T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

/** The test group as the conversation list shows it. */
export const groupSummary = (fields: Partial<ConversationView> = {}): ConversationState => {
  const view = groupView(fields);
  return { ...summary(0), ...view, participants: [...view.participants], otherParticipant: null };
};

/** A message of the test group at position `seq`: no receiver, from ME or from `senderId` (PEER by default). */
export const groupMessage = (seq: number, options: { mine?: boolean; senderId?: string } = {}): MessageView => ({
  ...storedMessage(seq),
  id: `g${String(seq).padStart(23, '0')}`,
  conversationId: GROUP,
  senderId: options.mine ? ME : (options.senderId ?? PEER),
  receiverId: null,
  clientMessageId: options.mine ? `gcmid-${seq}` : null,
});

export const groupCursor = (position: number): string => `${GROUP}:${position}`;
