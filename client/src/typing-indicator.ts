export interface TypingOptions {
  /** Typing stops this long after the last keystroke. */
  readonly idleMs: number;
  /** While keystrokes go on, `typing_start` is repeated this often (the server forgets a start after a few seconds). */
  readonly renewMs: number;
}

export const DEFAULT_TYPING: TypingOptions = { idleMs: 3_000, renewMs: 2_000 };

/**
 * Turns keystrokes into few events: one `typing_start` when typing begins
 * (renewed while it goes on), one `typing_stop` after `idleMs` of quiet or
 * when the message is sent.
 */
export class TypingIndicator {
  private readonly active = new Map<string, { startedAt: number; idle: ReturnType<typeof setTimeout> }>();

  constructor(
    private readonly emit: (event: 'typing_start' | 'typing_stop', conversationId: string) => void,
    private readonly options: TypingOptions = DEFAULT_TYPING,
    private readonly now: () => number = Date.now,
  ) {}

  keystroke(conversationId: string): void {
    const entry = this.active.get(conversationId);
    const now = this.now();
    let startedAt = entry?.startedAt ?? now;
    if (!entry || now - entry.startedAt >= this.options.renewMs) {
      startedAt = now;
      this.emit('typing_start', conversationId);
    }
    if (entry) clearTimeout(entry.idle);
    const idle = setTimeout(() => this.stop(conversationId), this.options.idleMs);
    this.active.set(conversationId, { startedAt, idle });
  }

  /** Typing there is over (idle, or the message was sent). */
  stop(conversationId: string): void {
    const entry = this.active.get(conversationId);
    if (!entry) return;
    clearTimeout(entry.idle);
    this.active.delete(conversationId);
    this.emit('typing_stop', conversationId);
  }

  /** Forgets every conversation without a word (the connection is gone; the server stopped them already). */
  clear(): void {
    for (const entry of this.active.values()) clearTimeout(entry.idle);
    this.active.clear();
  }
}
