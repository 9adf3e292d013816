import type { ConversationView, MessageView } from '../../../client/src/public-types.js';
import { ME, PEER, storedMessage } from './message-factory.js';

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
