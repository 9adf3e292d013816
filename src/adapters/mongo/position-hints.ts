/** How many scopes (conversations) a process remembers positions for. */
const REMEMBERED_SCOPES = 10_000;

/**
 * The last position this process stored or saw per scope: taken, so a safe
 * place to start the next insert, which saves looking up the highest in the
 * common case. Another process may have gone further; a collision says so.
 * Oldest scopes are forgotten first.
 */
export class PositionHints {
  private readonly lastTaken = new Map<string, number>();

  /** The highest of what the caller knows and what this process remembers; undefined when neither knows. */
  taken(scope: string, known?: number): number | undefined {
    const remembered = this.lastTaken.get(scope);
    if (remembered === undefined) return known;
    return known === undefined ? remembered : Math.max(known, remembered);
  }

  remember(scope: string, position: number): void {
    if (position <= (this.lastTaken.get(scope) ?? 0)) return;
    this.lastTaken.delete(scope);
    this.lastTaken.set(scope, position);
    if (this.lastTaken.size > REMEMBERED_SCOPES) {
      const oldest = this.lastTaken.keys().next().value;
      if (oldest !== undefined) this.lastTaken.delete(oldest);
    }
  }
}
