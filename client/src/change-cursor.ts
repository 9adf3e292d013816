const ENTRY = /^([0-9a-f]{24}):([1-9][0-9]{0,14})$/;

/**
 * Where this client stands in the server's change feed (`GET /api/sync`):
 * per conversation, the position of the last change it holds, written
 * `<conversationId>:<position>,…` as the server gives it. Live events carry
 * their change's cursor; one that is the next of its conversation moves the
 * cursor on, anything else waits for the next sync.
 */
export class ChangeCursor {
  private positions = new Map<string, number>();
  private known = false;

  /** A cursor was read from the server (the feed exists and this client has a place in it). */
  get ready(): boolean {
    return this.known;
  }

  /** Takes the server's cursor (a sync's `nextCursor`); false when it is not one. */
  reset(text: string): boolean {
    const positions = new Map<string, number>();
    for (const entry of text === '' ? [] : text.split(',')) {
      const match = ENTRY.exec(entry);
      if (!match) return false;
      positions.set(match[1]!, Number(match[2]));
    }
    this.positions = positions;
    this.known = true;
    return true;
  }

  forget(): void {
    this.positions = new Map();
    this.known = false;
  }

  format(): string {
    return [...this.positions].map(([conversationId, position]) => `${conversationId}:${position}`).join(',');
  }

  /**
   * A live event's change cursor: `next` (the cursor moved on to it), `held`
   * (the cursor is already past it), `ahead` (changes before it are missing:
   * the next sync brings them, and it), or `unknown` (no feed position yet).
   */
  advance(changeCursor: string | undefined): 'next' | 'held' | 'ahead' | 'unknown' {
    const match = changeCursor === undefined ? null : ENTRY.exec(changeCursor);
    if (!match || !this.known) return 'unknown';
    const conversationId = match[1]!;
    const position = Number(match[2]);
    const current = this.positions.get(conversationId) ?? 0;
    if (position <= current) return 'held';
    if (position > current + 1) return 'ahead';
    this.positions.set(conversationId, position);
    return 'next';
  }
}
