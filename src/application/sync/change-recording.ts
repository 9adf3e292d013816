import type { Message } from '../../domain/message.js';
import type { Change, ChangeLog } from '../../ports/change-log.js';
import type { Clock } from '../../ports/clock.js';

type MessageRef = Pick<Message, 'id' | 'conversationId'>;

/**
 * Records what a use case changed, once per change: each key names the
 * change itself (the message read, the edit at its time), so a retried
 * request whose first run died between its write and its record records it
 * then, and never twice.
 */
export class ChangeRecording {
  constructor(private readonly deps: { changes: ChangeLog; clock: Clock }) {}

  conversationCreated(conversationId: string, at: Date): Promise<Change> {
    return this.record({
      key: `conversation_created:${conversationId}`,
      type: 'conversation_created',
      conversationId,
      at,
    });
  }

  /** `cause` names what changed it (the edit or deletion of its last message), so a retry records it once. */
  conversationUpdated(conversationId: string, at: Date, cause: string): Promise<Change> {
    const key = `conversation_updated:${conversationId}:${cause}`;
    return this.record({ key, type: 'conversation_updated', conversationId, at });
  }

  messageCreated(message: Message): Promise<Change> {
    return this.onMessage('message_created', message, message.createdAt);
  }

  /** `memberId`: in a group, the member it reached (each member's delivery is a change of its own). */
  messageDelivered(message: MessageRef, at: Date, memberId?: string): Promise<Change> {
    if (memberId === undefined) return this.onMessage('message_delivered', message, at);
    return this.record({
      key: `message_delivered:${message.id}:${memberId}`,
      type: 'message_delivered',
      messageId: message.id,
      userId: memberId,
      conversationId: message.conversationId,
      at,
    });
  }

  /** `cause` names the membership change (e.g. its time), so a retry records it once. */
  memberChanged(
    type: 'member_added' | 'member_removed',
    conversationId: string,
    userId: string,
    at: Date,
  ): Promise<Change> {
    return this.record({
      key: `${type}:${conversationId}:${userId}:${at.getTime()}`,
      type,
      userId,
      conversationId,
      at,
    });
  }

  messageDeleted(message: MessageRef, at: Date): Promise<Change> {
    return this.onMessage('message_deleted', message, at);
  }

  messageEdited(message: MessageRef, at: Date): Promise<Change> {
    return this.record({
      key: `message_edited:${message.id}:${at.getTime()}`,
      type: 'message_edited',
      messageId: message.id,
      conversationId: message.conversationId,
      at,
    });
  }

  messageRead(message: MessageRef, readerId: string, at: Date): Promise<Change> {
    return this.record({
      key: `message_read:${message.id}:${readerId}`,
      type: 'message_read',
      messageId: message.id,
      readerId,
      conversationId: message.conversationId,
      at,
    });
  }

  reaction(message: MessageRef, userId: string, emoji: string, added: boolean): Promise<Change> {
    const at = this.deps.clock.now();
    const type = added ? 'reaction_added' : 'reaction_removed';
    return this.record({
      key: `${type}:${message.id}:${userId}:${emoji}:${at.getTime()}`,
      type,
      messageId: message.id,
      userId,
      emoji,
      conversationId: message.conversationId,
      at,
    });
  }

  private onMessage(
    type: 'message_created' | 'message_delivered' | 'message_deleted',
    message: MessageRef,
    at: Date,
  ): Promise<Change> {
    return this.record({
      key: `${type}:${message.id}`,
      type,
      messageId: message.id,
      conversationId: message.conversationId,
      at,
    });
  }

  private record(change: Parameters<ChangeLog['record']>[0]): Promise<Change> {
    return this.deps.changes.record(change);
  }
}
