import type { ChatMessage, MessageStatus, MessageView } from './public-types.js';

const statusOf = (message: MessageView, mine: boolean): MessageStatus =>
  message.readAt ? 'read' : message.deliveredAt || !mine ? 'delivered' : 'sent';

/** A stored message as the application sees it; own sends keep their clientMessageId as key. */
export const chatMessageOf = (view: MessageView, myId: string): ChatMessage => {
  const mine = view.senderId === myId;
  return {
    ...view,
    key: mine && view.clientMessageId ? view.clientMessageId : view.id,
    status: statusOf(view, mine),
    mine,
  };
};

/**
 * Two sightings of one stored message, whichever came first: receipts and
 * deletion only ever get set, so an older copy (a page fetched before a
 * receipt arrived) never takes them back. Returns `held` itself when nothing changed.
 */
export const mergeMessage = (held: ChatMessage, incoming: MessageView): ChatMessage => {
  const deliveredAt = held.deliveredAt ?? incoming.deliveredAt;
  const readAt = held.readAt ?? incoming.readAt;
  const deletedAt = held.deletedAt ?? incoming.deletedAt;
  const isDeleted = held.isDeleted || incoming.isDeleted;
  const content = isDeleted ? '' : incoming.content;
  if (
    deliveredAt === held.deliveredAt &&
    readAt === held.readAt &&
    deletedAt === held.deletedAt &&
    isDeleted === held.isDeleted &&
    content === held.content
  ) {
    return held;
  }
  const merged = { ...held, deliveredAt, readAt, deletedAt, isDeleted, content };
  return { ...merged, status: statusOf(merged, held.mine) };
};

/** Receipts and deletions heard about a message, applied as one more sighting of it. */
export type MessagePatch = Partial<Pick<MessageView, 'deliveredAt' | 'readAt' | 'deletedAt' | 'isDeleted'>>;

export const patchMessage = (held: ChatMessage, patch: MessagePatch): ChatMessage =>
  mergeMessage(held, {
    ...held,
    deliveredAt: patch.deliveredAt ?? held.deliveredAt,
    readAt: patch.readAt ?? held.readAt,
    deletedAt: patch.deletedAt ?? held.deletedAt,
    isDeleted: patch.isDeleted ?? held.isDeleted,
  });
