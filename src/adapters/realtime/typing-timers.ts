/**
 * The conversations one socket is typing in, each with a timer that ends the
 * typing by itself when no stop (or new start) comes in time.
 */
export class TypingTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly timeoutMs: number,
    private readonly onExpired: (conversationId: string) => void,
  ) {}

  get size(): number {
    return this.timers.size;
  }

  isTyping(conversationId: string): boolean {
    return this.timers.has(conversationId);
  }

  /** Starts or restarts the conversation's timer. */
  start(conversationId: string): void {
    clearTimeout(this.timers.get(conversationId));
    const timer = setTimeout(() => {
      this.timers.delete(conversationId);
      this.onExpired(conversationId);
    }, this.timeoutMs);
    timer.unref();
    this.timers.set(conversationId, timer);
  }

  /** True when the socket was typing there. */
  stop(conversationId: string): boolean {
    const timer = this.timers.get(conversationId);
    clearTimeout(timer);
    return this.timers.delete(conversationId);
  }

  /** Clears every timer; returns the conversations that were typed in. */
  stopAll(): string[] {
    const conversationIds = [...this.timers.keys()];
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    return conversationIds;
  }
}
