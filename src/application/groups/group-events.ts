import { conversationView, type Conversation } from '../../domain/conversation.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { ChangeRecording } from '../sync/change-recording.js';
import { changeCursor } from '../sync/sync-cursor.js';

/** Records a group's changes in the change feed and tells the members who should hear of them. */
export class GroupEvents {
  constructor(private readonly deps: { recording: ChangeRecording; notifier: RealtimeNotifier }) {}

  async created(group: Conversation): Promise<void> {
    const change = await this.deps.recording.conversationCreated(group.id, group.createdAt);
    const payload = { conversation: conversationView(group), cursor: changeCursor(group.id, change.pos) };
    for (const userId of group.participants) this.deps.notifier.toUser(userId, 'conversation_created', payload);
  }

  /** `cause` names the change (a rename, an owner's hand-over) so a retry records it once. */
  async updated(group: Conversation, at: Date, cause: string): Promise<void> {
    const change = await this.deps.recording.conversationUpdated(group.id, at, cause);
    const payload = { conversation: conversationView(group), cursor: changeCursor(group.id, change.pos) };
    for (const userId of group.participants) this.deps.notifier.toUser(userId, 'conversation_updated', payload);
  }

  /** To every member after, the new one included. */
  async memberAdded(group: Conversation, userId: string, addedBy: string, at: Date): Promise<void> {
    const change = await this.deps.recording.memberChanged('member_added', group.id, userId, at);
    const payload = {
      conversationId: group.id,
      userId,
      addedBy,
      conversation: conversationView(group),
      cursor: changeCursor(group.id, change.pos),
    };
    for (const memberId of group.participants) this.deps.notifier.toUser(memberId, 'member_added', payload);
  }

  /** To every member after and to the one who left: their screens drop the group. */
  async memberRemoved(group: Conversation, userId: string, removedBy: string, at: Date): Promise<void> {
    const change = await this.deps.recording.memberChanged('member_removed', group.id, userId, at);
    const payload = { conversationId: group.id, userId, removedBy, cursor: changeCursor(group.id, change.pos) };
    for (const memberId of new Set([...group.participants, userId])) {
      this.deps.notifier.toUser(memberId, 'member_removed', payload);
    }
  }
}
