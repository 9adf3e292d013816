/** A point in time past which loops stop starting new work. */
export class Budget {
  private readonly endsAt: number;

  constructor(ms: number) {
    this.endsAt = Date.now() + ms;
  }

  leftMs(): number {
    return Math.max(0, this.endsAt - Date.now());
  }

  /** True when at least `ms` is left. */
  has(ms: number): boolean {
    return this.leftMs() >= ms;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
