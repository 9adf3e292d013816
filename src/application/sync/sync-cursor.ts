import { isId } from '../../domain/ids.js';
import type { Positions } from '../../ports/change-log.js';

/**
 * A sync cursor is what a reader has seen: per conversation, the highest
 * position of its changes, written `<conversationId>:<position>` and joined
 * by commas (empty: nothing seen). A change's own cursor is the one entry
 * of its conversation, so a client can advance its cursor from live events
 * when a change's position is one past the one it holds.
 */
export type SyncCursor = Positions;

const ENTRY = /^([0-9a-f]{24}):([1-9][0-9]{0,14})$/;

export const formatCursor = (positions: SyncCursor): string =>
  [...positions]
    .filter(([, position]) => position > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([conversationId, position]) => `${conversationId}:${position}`)
    .join(',');

export const changeCursor = (conversationId: string, position: number): string => `${conversationId}:${position}`;

/** The positions a cursor names, or null when it is not a cursor (a conversation named twice included). */
export const parseCursor = (text: string): SyncCursor | null => {
  const positions = new Map<string, number>();
  if (text === '') return positions;
  for (const entry of text.split(',')) {
    const match = ENTRY.exec(entry);
    if (!match || !isId(match[1]) || positions.has(match[1])) return null;
    positions.set(match[1], Number(match[2]));
  }
  return positions;
};
