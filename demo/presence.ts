export interface PresenceEntry {
  readonly online: boolean;
  readonly lastSeen: string | null;
}

/**
 * Who is online, from three sources that each know part of it: the user list
 * (everyone, when it was fetched), conversation summaries, and live presence
 * events (only for people one shares a conversation with).
 */
export class Presence {
  private readonly entries = new Map<string, PresenceEntry>();
  private readonly listeners = new Set<() => void>();

  get(userId: string): PresenceEntry {
    return this.entries.get(userId) ?? { online: false, lastSeen: null };
  }

  set(userId: string, entry: PresenceEntry): void {
    const known = this.entries.get(userId);
    if (known && known.online === entry.online && known.lastSeen === entry.lastSeen) return;
    this.entries.set(userId, entry);
    for (const listener of this.listeners) listener();
  }

  /** Takes an entry only for someone not known yet: a summary's snapshot must not undo a newer live event. */
  seed(userId: string, entry: PresenceEntry): void {
    if (!this.entries.has(userId)) this.set(userId, entry);
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  clear(): void {
    this.entries.clear();
  }
}
