import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';
import type { Logger } from '../../ports/logger.js';
import type { PresenceStore } from '../../ports/presence-store.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { UserRepository } from '../../ports/user-repository.js';

/**
 * Connections come and go per socket; a user goes online with the first and
 * offline with the last, and only the people they talk with are told.
 */
export class TrackPresence {
  constructor(
    private readonly deps: {
      presence: PresenceStore;
      users: UserRepository;
      conversations: ConversationRepository;
      notifier: RealtimeNotifier;
      clock: Clock;
      logger: Logger;
      /** Open connections one user may have, on every process together. */
      maxConnectionsPerUser: number;
    },
  ) {}

  /** False when the user already has as many live connections as allowed. */
  async hasRoomFor(userId: string): Promise<boolean> {
    const open = await this.deps.presence.countConnections(userId, this.deps.clock.now());
    return open < this.deps.maxConnectionsPerUser;
  }

  async connected(user: { id: string; username: string }, connectionId: string): Promise<void> {
    const now = this.deps.clock.now();
    if (!(await this.deps.presence.connect(user.id, connectionId, now))) return;
    const payload = { userId: user.id, username: user.username, timestamp: now.toISOString() };
    for (const partnerId of await this.partnersOf(user.id))
      this.deps.notifier.toUser(partnerId, 'user_online', payload);
  }

  async disconnected(userId: string, connectionId: string): Promise<void> {
    const now = this.deps.clock.now();
    if (!(await this.deps.presence.disconnect(userId, connectionId, now))) return;
    await this.deps.users.setLastSeen(userId, now);
    const payload = { userId, lastSeen: now.toISOString() };
    for (const partnerId of await this.partnersOf(userId))
      this.deps.notifier.toUser(partnerId, 'user_offline', payload);
  }

  /** Keeps this process's connections alive in the shared store. */
  async heartbeat(connections: ReadonlyArray<{ userId: string; connectionId: string }>): Promise<void> {
    if (connections.length > 0) await this.deps.presence.refresh(connections, this.deps.clock.now());
  }

  private partnersOf(userId: string): Promise<string[]> {
    return this.deps.conversations.listPartnerIds(userId);
  }
}
