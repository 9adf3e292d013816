import type { RefreshSession } from '../../domain/session.js';
import type { SessionRepository } from '../../ports/session-repository.js';

const copy = (session: RefreshSession): RefreshSession => ({
  ...session,
  createdAt: new Date(session.createdAt),
  expiresAt: new Date(session.expiresAt),
  rotatedAt: session.rotatedAt && new Date(session.rotatedAt),
  revokedAt: session.revokedAt && new Date(session.revokedAt),
});

const isLive = (session: RefreshSession, now: Date): boolean =>
  session.rotatedAt === null && session.revokedAt === null && session.expiresAt.getTime() > now.getTime();

export class InMemorySessionRepository implements SessionRepository {
  private readonly sessions = new Map<string, RefreshSession>();
  private readonly idByTokenHash = new Map<string, string>();

  async insert(session: RefreshSession): Promise<void> {
    if (this.sessions.has(session.id)) throw new Error(`session ${session.id} already exists`);
    if (this.idByTokenHash.has(session.tokenHash)) return;
    this.sessions.set(session.id, copy(session));
    this.idByTokenHash.set(session.tokenHash, session.id);
  }

  async findByTokenHash(tokenHash: string): Promise<RefreshSession | null> {
    const session = this.byTokenHash(tokenHash);
    return session ? copy(session) : null;
  }

  async claimForRotation(tokenHash: string, now: Date): Promise<RefreshSession | null> {
    const session = this.byTokenHash(tokenHash);
    if (!session || !isLive(session, now)) return null;
    this.sessions.set(session.id, { ...session, rotatedAt: new Date(now) });
    return copy(session);
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    this.revokeWhere((session) => session.familyId === familyId, now);
  }

  async revokeAllForUser(userId: string, now: Date, exceptFamilyId?: string): Promise<string[]> {
    return this.revokeWhere((session) => session.userId === userId && session.familyId !== exceptFamilyId, now);
  }

  async listFamiliesRevokedSince(since: Date): Promise<string[]> {
    const families = new Set<string>();
    for (const session of this.sessions.values()) {
      if (session.revokedAt && session.revokedAt >= since) families.add(session.familyId);
    }
    return [...families];
  }

  async isFamilyActive(familyId: string, now: Date): Promise<boolean> {
    return [...this.sessions.values()].some((session) => session.familyId === familyId && isLive(session, now));
  }

  private byTokenHash(tokenHash: string): RefreshSession | undefined {
    const id = this.idByTokenHash.get(tokenHash);
    return id === undefined ? undefined : this.sessions.get(id);
  }

  /** Returns the families it revoked a token of. */
  private revokeWhere(matches: (session: RefreshSession) => boolean, now: Date): string[] {
    const families = new Set<string>();
    for (const session of this.sessions.values()) {
      if (matches(session) && session.revokedAt === null) {
        this.sessions.set(session.id, { ...session, revokedAt: new Date(now) });
        families.add(session.familyId);
      }
    }
    return [...families];
  }
}
