import type { SessionEndReason, SessionRevocations, SessionsEndedListener } from '../../ports/session-revocations.js';

/**
 * Ended sessions of one process, each kept as long as an access token can
 * live (after that the token itself is refused). Also the local half of the
 * Redis twin, which adds the telling of other processes.
 */
export class InProcessSessionRevocations implements SessionRevocations {
  private readonly endedUntil = new Map<string, number>();
  private readonly listeners: SessionsEndedListener[] = [];

  constructor(private readonly options: { keepMs: number; now?: () => number }) {}

  async end(sessionIds: readonly string[], reason: SessionEndReason): Promise<void> {
    this.record(sessionIds, reason);
  }

  remember(sessionIds: readonly string[]): void {
    this.record(sessionIds, 'revoked');
  }

  /** Records and tells the listeners of the ids not known yet; returns those. */
  record(sessionIds: readonly string[], reason: SessionEndReason): string[] {
    const now = this.now();
    this.prune(now);
    const fresh = sessionIds.filter((id) => !this.endedUntil.has(id));
    for (const id of sessionIds) this.endedUntil.set(id, now + this.options.keepMs);
    if (fresh.length > 0) for (const listener of this.listeners) listener(fresh, reason);
    return fresh;
  }

  isEnded(sessionId: string): boolean {
    const until = this.endedUntil.get(sessionId);
    return until !== undefined && until > this.now();
  }

  onEnded(listener: SessionsEndedListener): void {
    this.listeners.push(listener);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private prune(now: number): void {
    for (const [id, until] of this.endedUntil) if (until <= now) this.endedUntil.delete(id);
  }
}
