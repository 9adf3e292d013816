import type { ChangeLog } from '../../ports/change-log.js';
import type { Clock } from '../../ports/clock.js';

const DAY_MS = 86_400_000;

/**
 * Forgets changes older than the retention. A reader whose cursor points
 * before what is left finds a gap in the positions and gets CURSOR_EXPIRED
 * (see SyncChanges): pruning never makes a reader skip a change unawares.
 */
export class PruneChanges {
  constructor(private readonly deps: { changes: ChangeLog; clock: Clock; retentionDays: number }) {}

  async execute(): Promise<{ pruned: number }> {
    const { changes, clock, retentionDays } = this.deps;
    return { pruned: await changes.prune(new Date(clock.now().getTime() - retentionDays * DAY_MS)) };
  }
}
