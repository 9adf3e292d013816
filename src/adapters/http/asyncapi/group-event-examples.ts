import type { ConversationView } from '../../../domain/conversation.js';
import { ALICE, BOB } from './event-examples.js';

/** The group of the examples: Alice started it with Bob and Carol, then added Dave. */
export const CAROL = { id: '665f1c2ab9d3e4f5a6b7c8de', username: 'carol' } as const;
export const DAVE = { id: '665f1c2ab9d3e4f5a6b7c8df', username: 'dave' } as const;
export const GROUP_ID = '665f1c32b9d3e4f5a6b7c8e0';

const CREATED_AT = '2026-01-03T09:00:00.000Z';

export const exampleGroup: ConversationView = {
  id: GROUP_ID,
  kind: 'group',
  participants: [ALICE.id, BOB.id, CAROL.id],
  title: 'Analytical Engine',
  ownerId: ALICE.id,
  lastMessage: null,
  lastActivityAt: CREATED_AT,
  createdAt: CREATED_AT,
};

/** The change-feed place of the group's `steps`-th change (its creation is the first). */
export const groupCursor = (steps: number): string => `${GROUP_ID}:${steps}`;
