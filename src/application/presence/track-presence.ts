import type { BlockRepository } from '../../ports/block-repository.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { PresenceStore } from '../../ports/presence-store.js';
import type { RealtimeNotifier } from '../../ports/realtime-notifier.js';
import type { UserRepository } from '../../ports/user-repository.js';
import type { PartnerDirectory } from './partner-directory.js';

export type Admission =
  | { readonly admitted: false }
  /** `announced` settles (never rejects) once the partners of a user who just came online were told. */
  | { readonly admitted: true; readonly announced: Promise<void> };

/**
 * Connections come and go per socket; a user goes online with the first and
 * offline with the last, and only the people they talk with are told.
 */
export class TrackPresence {
  /** Per user, the last announcement in flight: one user's online and offline go out in the order they happened. */
  private readonly announcing = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: {
      presence: PresenceStore;
      users: UserRepository;
      partners: PartnerDirectory;
      blocks: BlockRepository;
      notifier: RealtimeNotifier;
      clock: Clock;
      logger: Logger;
      /** Open connections one user may have, on every process together. */
      maxConnectionsPerUser: number;
    },
  ) {}

  /**
   * Admits a connection unless the user has as many as allowed: one presence
   * store call, no database read. Telling the partners of a user who comes
   * online is not awaited.
   */
  async admit(user: { id: string; username: string }, connectionId: string): Promise<Admission> {
    const { presence, clock, logger, maxConnectionsPerUser } = this.deps;
    const now = clock.now();
    const admission = await presence.admit(user.id, connectionId, now, maxConnectionsPerUser);
    if (admission === 'refused') return { admitted: false };
    if (admission === 'another') return { admitted: true, announced: Promise.resolve() };
    const payload = { userId: user.id, username: user.username, timestamp: now.toISOString() };
    const announced = this.inTurn(user.id, async () => {
      for (const partnerId of await this.audienceOf(user.id, await this.deps.partners.partnersOf(user.id)))
        this.deps.notifier.toUser(partnerId, 'user_online', payload);
    }).catch((error: unknown) =>
      logger.warn('user_online announcement failed', { userId: user.id, error: (error as Error).message }),
    );
    return { admitted: true, announced };
  }

  /** Releases a connection; the user's last one stores lastSeen and tells their partners. */
  async disconnected(userId: string, connectionId: string): Promise<void> {
    const now = this.deps.clock.now();
    if (!(await this.deps.presence.disconnect(userId, connectionId, now))) return;
    await this.inTurn(userId, async () => {
      const [, partnerIds] = await Promise.all([
        this.deps.users.setLastSeen(userId, now),
        this.deps.partners.freshPartnersOf(userId),
      ]);
      const payload = { userId, lastSeen: now.toISOString() };
      for (const partnerId of await this.audienceOf(userId, partnerIds))
        this.deps.notifier.toUser(partnerId, 'user_offline', payload);
    });
  }

  /** Keeps this process's connections alive in the shared store. */
  async heartbeat(connections: ReadonlyArray<{ userId: string; connectionId: string }>): Promise<void> {
    if (connections.length > 0) await this.deps.presence.refresh(connections, this.deps.clock.now());
  }

  /** The partners told of the user's presence: not those who block the user, nor those the user blocks. */
  private async audienceOf(userId: string, partnerIds: readonly string[]): Promise<readonly string[]> {
    if (partnerIds.length === 0) return partnerIds;
    const blocked = await this.deps.blocks.blockedEitherWay(userId, partnerIds);
    return blocked.size === 0 ? partnerIds : partnerIds.filter((id) => !blocked.has(id));
  }

  /** Runs `announce` after the user's announcements already in flight. */
  private inTurn(userId: string, announce: () => Promise<void>): Promise<void> {
    const done = (this.announcing.get(userId) ?? Promise.resolve()).then(announce);
    const settled = done.then(
      () => undefined,
      () => undefined,
    );
    this.announcing.set(userId, settled);
    void settled.then(() => {
      if (this.announcing.get(userId) === settled) this.announcing.delete(userId);
    });
    return done;
  }
}
