import type { Clock } from '../../ports/clock.js';
import type { ConversationRepository } from '../../ports/conversation-repository.js';

export interface PartnerDirectoryOptions {
  /** How long a user's partners are trusted without a new read. */
  readonly ttlMs: number;
  /** Users remembered at most; the least recently read are forgotten first. */
  readonly maxUsers: number;
}

interface Entry {
  readonly partners: Set<string>;
  readonly expiresAt: number;
  /** Which read filled it: an older read finishing late never replaces a newer one. */
  readonly read: number;
}

/**
 * Who shares a conversation with a user, remembered by this process for a
 * short time, so a user coming online again soon (a reload, a flaky network)
 * costs no database read.
 *
 * Why a remembered list is safe: nobody leaves a conversation and none is
 * deleted, so an entry can only lack partners, never hold a wrong one. A
 * conversation this process creates is added at once (`learn`, also into a
 * read still in flight); one created by another process shows here when the
 * entry expires. Until then that new partner can miss this user's
 * `user_online`, never a `user_offline`: going offline reads fresh
 * (`freshPartnersOf`). Should members ever leave conversations (groups), that
change must drop the entries of those involved.
 */
export class PartnerDirectory {
  private readonly entries = new Map<string, Entry>();
  /** Per user, the partners learned during each read in flight. */
  private readonly learnedDuringReads = new Map<string, Set<Set<string>>>();
  private reads = 0;

  constructor(
    private readonly deps: { conversations: ConversationRepository; clock: Clock },
    private readonly options: PartnerDirectoryOptions,
  ) {}

  /** The user's partners, from memory when read within the lifetime. */
  async partnersOf(userId: string): Promise<string[]> {
    const entry = this.entries.get(userId);
    if (entry && entry.expiresAt > this.deps.clock.now().getTime()) return [...entry.partners];
    return this.freshPartnersOf(userId);
  }

  /** The user's partners from a read that starts now (and is remembered). */
  async freshPartnersOf(userId: string): Promise<string[]> {
    const read = ++this.reads;
    const learned = new Set<string>();
    const pending = this.learnedDuringReads.get(userId) ?? new Set<Set<string>>();
    pending.add(learned);
    this.learnedDuringReads.set(userId, pending);
    try {
      const partners = new Set(await this.deps.conversations.listPartnerIds(userId));
      for (const partnerId of learned) partners.add(partnerId);
      this.remember(userId, partners, read);
      return [...partners];
    } finally {
      pending.delete(learned);
      if (pending.size === 0) this.learnedDuringReads.delete(userId);
    }
  }

  /** The participants of a conversation this process just found or created are each other's partners. */
  learn(participants: readonly string[]): void {
    for (const userId of participants) {
      for (const partnerId of participants) {
        if (partnerId === userId) continue;
        this.entries.get(userId)?.partners.add(partnerId);
        for (const learned of this.learnedDuringReads.get(userId) ?? []) learned.add(partnerId);
      }
    }
  }

  private remember(userId: string, partners: Set<string>, read: number): void {
    const current = this.entries.get(userId);
    if (current && current.read > read) return;
    // Re-inserted, so the Map's order is the order of reads and the first key the one to forget.
    this.entries.delete(userId);
    this.entries.set(userId, { partners, expiresAt: this.deps.clock.now().getTime() + this.options.ttlMs, read });
    if (this.entries.size > this.options.maxUsers) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
