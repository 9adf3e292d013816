import type { Message } from '../../domain/message.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { ChangeRecording } from '../sync/change-recording.js';
import { changeCursor } from '../sync/sync-cursor.js';

type ReadMessage = Pick<Message, 'id' | 'conversationId'>;

/**
 * Records that `readerId` read the message and tells `audience` (the sender
 * of a direct message; a group's other members, for whom a read position up
 * to this message means everything before it too).
 */
export const announceRead = async (
  deps: { recording: ChangeRecording; notifier: RealtimeNotifier },
  message: ReadMessage,
  readerId: string,
  readAt: Date,
  audience: readonly string[],
): Promise<void> => {
  const change = await deps.recording.messageRead(message, readerId, readAt);
  const payload = {
    messageId: message.id,
    conversationId: message.conversationId,
    readerId,
    readAt: readAt.toISOString(),
    cursor: changeCursor(change.conversationId, change.pos),
  };
  for (const userId of audience) if (userId !== readerId) deps.notifier.toUser(userId, 'message_read', payload);
};
