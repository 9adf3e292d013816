import { idString, object, ref } from '../openapi/schema-builders.js';
import { ALICE, BOB } from './event-examples.js';
import { DAVE, GROUP_ID, exampleGroup, groupCursor } from './group-event-examples.js';

const cursor = {
  ...ref('ChangeCursor'),
  description: 'This change’s place in the change feed (`GET /api/sync`): extend your cursor with it',
};
const conversationChange = object({ conversation: ref('Conversation'), cursor });

/**
 * The events of group conversations: their start, their changes, and who
 * joins and leaves. The catalog (server-events.ts) holds them to the typed
 * event map with the other events.
 */
export const groupServerEvents = {
  conversation_created: {
    summary: 'A group was started with this user in it',
    recipients: 'every socket of each member, its creator’s too',
    description:
      'After `POST /api/conversations` started a group: add it to the conversation list. Its history starts empty.',
    payload: conversationChange,
    example: { conversation: exampleGroup, cursor: groupCursor(1) },
  },
  conversation_updated: {
    summary: 'A group was renamed or has a new owner',
    recipients: 'every socket of each member',
    description:
      'After `PUT /api/conversations/{conversationId}` (a new `title`), or when the owner left and the longest-standing member became owner (`ownerId`). Show the group as `conversation` says.',
    payload: conversationChange,
    example: { conversation: { ...exampleGroup, title: 'Difference Engine' }, cursor: groupCursor(2) },
  },
  member_added: {
    summary: 'Someone joined a group',
    recipients: 'every socket of each member, the new one’s included',
    description:
      'After `POST /api/conversations/{conversationId}/members`, once per user added; `conversation` is the group with them in it. ' +
      'When `userId` is you, the group is new to you: add it. You see its messages from your joining on; what came before stays hidden.',
    payload: object({
      conversationId: idString,
      userId: { ...idString, description: 'Who joined' },
      addedBy: { ...idString, description: 'The owner who added them' },
      conversation: ref('Conversation'),
      cursor,
    }),
    example: {
      conversationId: GROUP_ID,
      userId: DAVE.id,
      addedBy: ALICE.id,
      conversation: { ...exampleGroup, participants: [...exampleGroup.participants, DAVE.id] },
      cursor: groupCursor(3),
    },
  },
  member_removed: {
    summary: 'Someone left a group or was removed from it',
    recipients: 'every socket of each remaining member, and of the one who left',
    description:
      'After `DELETE /api/conversations/{conversationId}/members/{userId}`: take them out of the group’s participants. ' +
      'When `userId` is you, drop the group: from now on it is 404 to you and sends you nothing. When the owner left, `conversation_updated` names the new one.',
    payload: object({
      conversationId: idString,
      userId: { ...idString, description: 'Who left or was removed' },
      removedBy: { ...idString, description: 'Who did it: the owner, or `userId` itself when they left' },
      cursor,
    }),
    example: { conversationId: GROUP_ID, userId: BOB.id, removedBy: BOB.id, cursor: groupCursor(4) },
  },
};
