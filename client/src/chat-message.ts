import type { ChatMessage, ConversationState, MessageStatus, MessageView, ReactionView } from './public-types.js';

const PREVIEW_LENGTH = 100;

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

const previewOf = (content: string): string => {
  if (content.length <= PREVIEW_LENGTH) return content;
  let end = PREVIEW_LENGTH - 1;
  const code = content.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${content.slice(0, end)}…`;
};

/** A message as its conversation's last one. */
export const lastMessageOf = (message: MessageView): NonNullable<ConversationState['lastMessage']> => ({
  id: message.id,
  seq: message.seq,
  senderId: message.senderId,
  preview: message.isDeleted ? '' : previewOf(message.content),
  messageType: message.messageType,
  createdAt: message.createdAt,
  isDeleted: message.isDeleted,
});

const sameReactions = (a: readonly ReactionView[], b: readonly ReactionView[]): boolean =>
  a.length === b.length &&
  a.every((r, i) => r.emoji === b[i]!.emoji && r.count === b[i]!.count && r.reactedByMe === b[i]!.reactedByMe);

/** The reactions after one user's emoji was added or taken back. */
export const withReaction = (
  reactions: readonly ReactionView[],
  emoji: string,
  mine: boolean,
  added: boolean,
): ReactionView[] => {
  const index = reactions.findIndex((reaction) => reaction.emoji === emoji);
  if (added) {
    if (index < 0) return [...reactions, { emoji, count: 1, reactedByMe: mine }];
    return reactions.map((r, i) =>
      i === index ? { ...r, count: r.count + 1, reactedByMe: r.reactedByMe || mine } : r,
    );
  }
  if (index < 0) return [...reactions];
  const reaction = reactions[index]!;
  if (reaction.count <= 1) return reactions.filter((_, i) => i !== index);
  return reactions.map((r, i) =>
    i === index ? { ...r, count: r.count - 1, reactedByMe: mine ? false : r.reactedByMe } : r,
  );
};

const editedLater = (incoming: string | null, held: string | null): boolean =>
  incoming !== null && (held === null || Date.parse(incoming) > Date.parse(held));

/**
 * Two sightings of one stored message, whichever came first: receipts and
 * deletion only ever get set, and content follows the latest edit, so an
 * older copy (a page fetched before a receipt or an edit arrived) never
 * takes anything back. Reactions come from sightings that state them as they
 * are now (history pages, the change feed, edits), not from a new-message
 * event, which carries none. Returns `held` itself when nothing changed.
 */
export const mergeMessage = (held: ChatMessage, incoming: MessageView, reactionsCurrent = false): ChatMessage => {
  const deliveredAt = held.deliveredAt ?? incoming.deliveredAt;
  const readAt = held.readAt ?? incoming.readAt;
  const deletedAt = held.deletedAt ?? incoming.deletedAt;
  const isDeleted = held.isDeleted || incoming.isDeleted;
  const edited = editedLater(incoming.editedAt, held.editedAt);
  const editedAt = edited ? incoming.editedAt : held.editedAt;
  const content = isDeleted ? '' : edited ? incoming.content : held.content;
  const reactions =
    reactionsCurrent && !sameReactions(incoming.reactions, held.reactions) ? incoming.reactions : held.reactions;
  if (
    deliveredAt === held.deliveredAt &&
    readAt === held.readAt &&
    deletedAt === held.deletedAt &&
    isDeleted === held.isDeleted &&
    editedAt === held.editedAt &&
    content === held.content &&
    reactions === held.reactions
  ) {
    return held;
  }
  const merged = { ...held, deliveredAt, readAt, deletedAt, isDeleted, editedAt, content, reactions };
  return { ...merged, status: statusOf(merged, held.mine) };
};

/** Receipts and deletions heard about a message, applied as one more sighting of it. */
export type MessagePatch = Partial<
  Pick<MessageView, 'deliveredAt' | 'readAt' | 'deletedAt' | 'isDeleted' | 'reactions'>
>;

export const patchMessage = (held: ChatMessage, patch: MessagePatch): ChatMessage =>
  mergeMessage(
    held,
    {
      ...held,
      deliveredAt: patch.deliveredAt ?? held.deliveredAt,
      readAt: patch.readAt ?? held.readAt,
      deletedAt: patch.deletedAt ?? held.deletedAt,
      isDeleted: patch.isDeleted ?? held.isDeleted,
      reactions: patch.reactions ?? held.reactions,
    },
    patch.reactions !== undefined,
  );
